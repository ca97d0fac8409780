package org.coachapproach.demoplatform.services;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the service endpoints' refusals and planned failures as Canvas does; first, so that
 * no application-wide error page answers a tool's service call.
 */
@RestControllerAdvice(assignableTypes = { TokenController.class, LineItemsController.class,
		NamesAndRolesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class ServiceAdvice {

	@ExceptionHandler(ServiceRefusal.class)
	ResponseEntity<Map<String, Object>> refused(ServiceRefusal refusal) {
		return ServiceResponses.refusal(refusal);
	}

	@ExceptionHandler(ServiceResponses.PlannedFailure.class)
	ResponseEntity<Void> failed(ServiceResponses.PlannedFailure failure) {
		return ServiceResponses.fault(failure);
	}

}
