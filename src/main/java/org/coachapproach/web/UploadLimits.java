package org.coachapproach.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit ({@code spring.servlet.multipart.max-file-size}) is refused
 * before any import reads it: the person sees why on the error page (413: the file is too
 * large and nothing was imported) rather than a bare failure. The page is rendered here and
 * not through an error dispatch, which would try to read the oversized request again.
 */
@ControllerAdvice
class UploadLimits {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
		return new ModelAndView("error", Map.of("status", status.value(), ReasonedErrorAttributes.REASON,
				"error.tooLarge"), status);
	}

	/**
	 * An upload form posted without its file (not multipart, or the file part missing): the
	 * request is malformed, not a failure of the tool, and it is answered before any import
	 * (or its permission check) runs.
	 */
	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class })
	ModelAndView noFile() {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		return new ModelAndView("error", Map.of("status", status.value(), ReasonedErrorAttributes.REASON,
				"error.noFile"), status);
	}

}
