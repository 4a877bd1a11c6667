import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health check of the service images: exit 0 when the service's readiness group
 * answers 200, 1 otherwise. The JRE base image has neither curl nor wget, and installing them
 * only for this would add a network tool to every image; a JVM is already there.
 *
 * <p>Usage: {@code java -cp /opt/healthcheck HealthCheck <default port>}. The port actually
 * probed follows the service's own settings: {@code MANAGEMENT_SERVER_PORT}, else
 * {@code SERVER_PORT}, else the default given.
 */
public final class HealthCheck {

	private static final int TIMEOUT_MILLIS = 3000;

	private HealthCheck() {
	}

	public static void main(String[] args) {
		String port = firstSet(System.getenv("MANAGEMENT_SERVER_PORT"), System.getenv("SERVER_PORT"),
				args.length > 0 ? args[0] : null);
		if (port == null) {
			System.err.println("usage: HealthCheck <port>");
			System.exit(2);
		}
		System.exit(check("http://127.0.0.1:" + port + "/actuator/health/readiness") ? 0 : 1);
	}

	static boolean check(String url) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setConnectTimeout(TIMEOUT_MILLIS);
			connection.setReadTimeout(TIMEOUT_MILLIS);
			connection.setInstanceFollowRedirects(false);
			int status = connection.getResponseCode();
			connection.disconnect();
			if (status != 200) {
				System.err.println(url + " answered " + status);
			}
			return status == 200;
		}
		catch (Exception e) {
			System.err.println(url + " is not reachable: " + e);
			return false;
		}
	}

	private static String firstSet(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}
}
