package org.coachapproach.demoplatform;

/** The demo platform's service endpoints a test can make fail for a while. */
public enum DemoService {

	/** {@code POST /demo/token}. */
	TOKEN,

	/** {@code POST …/line_items/{id}/scores}. */
	SCORES,

	/** The line items endpoints: list, create, read, update, delete. */
	LINE_ITEMS,

	/** {@code GET …/names_and_roles}, each page. */
	ROSTER

}
