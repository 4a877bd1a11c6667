import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import com.sun.net.httpserver.HttpServer;

/**
 * The bench's stand-in for Keycloak, with the JDK only (run as a single source file):
 * {@code ports N} prints N free loopback ports; {@code serve DIR} makes an RSA key, serves its
 * JWKS where Keycloak's realm "news" serves it, writes the issuer to DIR/issuer and an editor
 * token (one hour) to DIR/token, then serves until killed.
 */
public class BenchIdentity {

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("ports")) {
			for (int i = 0; i < Integer.parseInt(args[1]); i++) {
				try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
					System.out.println(socket.getLocalPort());
				}
			}
			return;
		}
		if (args.length != 2 || !args[0].equals("serve")) {
			System.err.println("usage: BenchIdentity ports N | serve DIR");
			System.exit(2);
		}
		Path dir = Path.of(args[1]);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\",\"n\":\""
				+ b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
				+ "\"}]}";
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		server.createContext("/realms/news/protocol/openid-connect/certs", exchange -> {
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/news";
		long now = Instant.now().getEpochSecond();
		String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
		String claims = b64(("{\"iss\":\"" + issuer + "\",\"sub\":\"bench-editor\",\"aud\":[\"news-api\"],\"iat\":" + now
				+ ",\"nbf\":" + now + ",\"exp\":" + (now + 3600)
				+ ",\"typ\":\"Bearer\",\"preferred_username\":\"bench\",\"realm_access\":{\"roles\":[\"editor\"]}}")
			.getBytes(StandardCharsets.UTF_8));
		Signature rs256 = Signature.getInstance("SHA256withRSA");
		rs256.initSign(keys.getPrivate());
		rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		String token = header + "." + claims + "." + b64(rs256.sign());
		write(dir.resolve("token"), token);
		write(dir.resolve("issuer"), issuer);
		Thread.currentThread().join();
	}

	private static void write(Path file, String text) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.writeString(partial, text);
		Files.move(partial, file);
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
