/**
 * A small Canvas-like LTI platform for trying the tool without an LMS; talks to the tool only over HTTP.
 * <p>
 * What it offers a tool, all under the platform's issuer ({@code http://127.0.0.1:<port>}):
 * <ul>
 * <li>{@code /demo/.well-known/openid-configuration}, {@code /demo/registrations} (LTI Dynamic
 * Registration; the tool is granted the service scopes it asks for that are offered here),
 * {@code /demo/authorize} (OIDC login), {@code /demo/jwks}.</li>
 * <li>{@code POST /demo/token}: client credentials with an RS256 client assertion (RFC 7523),
 * verified against the tool's registered {@code jwks_uri} (cached, fetched again for an
 * unknown {@code kid}); {@code aud} the token URL or the issuer; {@code jti} single use; the
 * scopes asked must be granted. Access tokens last an hour.</li>
 * <li>{@code /demo/api/courses/{course}/line_items} (GET with {@code resource_link_id},
 * {@code resource_id}, {@code tag}, {@code limit}, {@code page}; POST), {@code …/{id}} (GET,
 * PUT, DELETE), {@code …/{id}/scores} (POST), {@code …/{id}/results} (GET): AGS 2.0 with
 * Canvas's answers (a score older than the user's last is 400, the same timestamp is
 * accepted; an unknown user or a {@code scoreGiven} without {@code scoreMaximum} is 422).</li>
 * <li>{@code /demo/api/courses/{course}/names_and_roles}: NRPS 2.0, paged by {@code limit}
 * (default {@code coachapproach.demo.roster-page-size}, 50) and {@code Link: rel="next"}.</li>
 * <li>{@code POST /demo/courses/{course}/deep_links} (field {@code JWT}): the deep-linking
 * return URL; each {@code ltiResourceLink} becomes a course item, with a line item when it
 * carries {@code lineItem}.</li>
 * </ul>
 * Service errors are Canvas's {@code {"errors": {"type", "message"}}}; 401 and 403 carry
 * {@code WWW-Authenticate}. {@link org.coachapproach.demoplatform.DemoPlatform} exposes what
 * tests need, including planned failures of the service endpoints.
 * <p>
 * The code sits by feature, each package with its controllers beside the rules they use, so
 * that what one feature uses alone stays package-private: {@code course} (the sites, the course
 * and its people, the home page, the this-machine-only guard, the settings), {@code registration}
 * (dynamic registration, the platform's keys), {@code launch} (course pages, OIDC login, deep
 * linking) and {@code services} (token endpoint, assignment and grade services, names and roles).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {  })
package org.coachapproach.demoplatform;
