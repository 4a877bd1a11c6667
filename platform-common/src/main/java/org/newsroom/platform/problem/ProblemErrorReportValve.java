package org.newsroom.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word on an error nobody else answered, as problem+json instead of Tomcat's HTML
 * page: chiefly a request Tomcat refuses before any servlet runs (illegal characters in the
 * request target, a broken header), which Spring's error controller never sees. Whatever wrote
 * a body first (the error controller, a handler) wins; this writes only into an empty error
 * response, and never names the exception.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private final JsonMapper json;

	public ProblemErrorReportValve(JsonMapper json) {
		this.json = json;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String body = json.writeValueAsString(body(HttpStatusCode.valueOf(status)));
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client has gone, or the response was committed meanwhile: nothing left to say
		}
	}

	static Map<String, Object> body(HttpStatusCode status) {
		String detail = status.is5xxServerError() ? "The service could not answer this request."
				: status.value() == 400 ? "The request could not be read (check the path and query for characters that "
						+ "must be percent-encoded)." : null;
		ProblemDetail problem = Problems.forStatus(status, detail != null ? detail : reason(status));
		if (status.is5xxServerError()) {
			problem.setType(Problems.type("internal-error"));
		}
		return Problems.toMap(problem);
	}

	private static String reason(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() + "." : "The request failed.";
	}
}
