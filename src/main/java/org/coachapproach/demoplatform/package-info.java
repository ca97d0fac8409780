/**
 * A small Canvas-like LTI platform for trying the tool without an LMS; talks to the tool only over HTTP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {  })
package org.coachapproach.demoplatform;
