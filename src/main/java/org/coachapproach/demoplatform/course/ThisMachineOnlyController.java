package org.coachapproach.demoplatform.course;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** What a request from elsewhere gets instead of the demo platform (see {@link ThisMachineOnlyFilter}). */
@Controller
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class ThisMachineOnlyController {

	@RequestMapping(ThisMachineOnlyFilter.REFUSED)
	String refused(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "demoplatform/this-machine-only";
	}

}
