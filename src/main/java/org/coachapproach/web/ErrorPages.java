package org.coachapproach.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.people.RefusedException;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One error page ({@code error.html}) for every status a handler refuses with: a
 * {@link RefusedException} says why, any other status exception gets the status's own text.
 * The page is rendered here, in the request's own dispatch, and not through an error dispatch:
 * so it sits inside the layout with the member's header and sign-out form, and where the
 * platform's iframe blocks cookies its links carry the session on ({@link SessionFilter}).
 * A handler that answers data (a {@link ResponseEntity}: JSON, CSV, a calendar file) is not a
 * page: it answers a refusal with the bare status, anything else as Spring Boot would.
 */
@ControllerAdvice
class ErrorPages {

	@ExceptionHandler(ResponseStatusException.class)
	Object refused(ResponseStatusException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (HttpEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
			if (ex instanceof RefusedException) {
				return ResponseEntity.status(ex.getStatusCode()).build();
			}
			// As Spring's own resolver would: Spring Boot's error page for a browser, JSON for a client.
			response.sendError(ex.getStatusCode().value());
			return new ModelAndView();
		}
		return page(ex.getStatusCode(), ex instanceof RefusedException refused ? refused.reason() : null, request);
	}

	/** An address the tool does not have. */
	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView notFound(HttpServletRequest request) {
		return page(HttpStatus.NOT_FOUND, null, request);
	}

	/**
	 * A file over the upload limit ({@code spring.servlet.multipart.max-file-size}) is refused
	 * before any import reads it: the person sees why (413: the file is too large and nothing was
	 * imported) rather than a bare failure. An error dispatch would try to read the oversized
	 * request again.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", request);
	}

	/**
	 * An upload form posted without its file (not multipart, or the file part missing): the
	 * request is malformed, not a failure of the tool, and it is answered before any import
	 * (or its permission check) runs.
	 */
	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	ModelAndView noFile(HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, "error.noFile", request);
	}

	/** The error page for the status; {@code reason}, a message key, says why (else the status's own text). */
	private static ModelAndView page(HttpStatusCode status, String reason, HttpServletRequest request) {
		ModelMap model = new ModelMap();
		model.addAttribute("status", status.value());
		model.addAttribute(ReasonedErrorAttributes.REASON, reason);
		model.addAttribute("member", CurrentMember.of(request));
		return new ModelAndView("error", model, status);
	}

}
