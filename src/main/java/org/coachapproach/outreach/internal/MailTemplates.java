package org.coachapproach.outreach.internal;

import java.util.Locale;
import java.util.Map;

import org.coachapproach.outreach.Message;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an email from {@code templates/mail/<name>.html} (the HTML part, whose
 * {@code <title>} is the subject) and {@code templates/mail/<name>.txt} (the plain-text part),
 * with the tool's message bundles. Its own engines, so the pages' engine stays as Boot made it.
 */
@Component
public class MailTemplates {

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	MailTemplates(MessageSource messages) {
		this.html = engine(TemplateMode.HTML, ".html", messages);
		this.text = engine(TemplateMode.TEXT, ".txt", messages);
	}

	private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		engine.setEnableSpringELCompiler(true);
		return engine;
	}

	public Message render(String template, Map<String, Object> model, Locale locale) {
		Context context = new Context(locale, model);
		String htmlPart = this.html.process(template, context);
		String textPart = this.text.process(template, context);
		return new Message(subject(htmlPart), textPart.strip() + "\n", htmlPart);
	}

	private static String subject(String html) {
		int start = html.indexOf("<title>");
		int end = html.indexOf("</title>");
		if (start < 0 || end < start) {
			throw new IllegalStateException("a mail template needs a <title>: it is the subject");
		}
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html.substring(start + 7, end)).strip();
	}

}
