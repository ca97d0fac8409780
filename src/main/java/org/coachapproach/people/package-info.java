/**
 * Persons (platform issuer + subject), course contexts, memberships and program roles.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {  })
package org.coachapproach.people;
