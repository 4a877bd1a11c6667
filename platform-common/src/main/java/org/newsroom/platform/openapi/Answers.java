package org.newsroom.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation answers besides its body, for the API document: its success status, whether
 * a conditional GET may answer 304, the problem statuses its own rules produce, and who may call
 * it. {@link ApiDocumentCustomizers} turns it into responses (each problem status with the shared
 * {@code Problem} schema as {@code application/problem+json}) and a security requirement. The
 * statuses any operation can meet (401 for a bad token, 403 for a missing role, 429 and 503
 * from the gateway or the store) are added from {@link #access()} and need not be listed.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Answers {

	/** The status the body comes with: 200, 201 (created), 202, 204 (no body). */
	int status() default 200;

	/** A conditional GET ({@code If-None-Match}) may answer 304 without a body. */
	boolean notModified() default false;

	/** Problem statuses this operation's own rules answer (400, 404, 409, 412, 413, 415, 422, 428...). */
	int[] problems() default {};

	Access access() default Access.BY_METHOD;
}
