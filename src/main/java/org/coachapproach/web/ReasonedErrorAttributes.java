package org.coachapproach.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages say why when the tool knows: a filter that refuses a request names the message
 * ({@code errorReason}, a bundle key) for the page to show instead of the status's default.
 */
@Component
class ReasonedErrorAttributes extends DefaultErrorAttributes {

	static final String REASON = "errorReason";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object reason = request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST);
		if (reason instanceof String key) {
			attributes.put(REASON, key);
		}
		return attributes;
	}

}
