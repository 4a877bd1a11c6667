package org.newsroom.e2e;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tokens an attacker can make from a real one: the claims of a genuine editor token re-signed
 * with {@code alg: none}, with HS256 keyed by the realm's public key (algorithm confusion), with
 * a key of their own, or with an expiry in the past. None of them carries a signature the realm
 * made, so every one must be refused.
 */
final class ForgedTokens {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder D64 = Base64.getUrlDecoder();

	private ForgedTokens() {
	}

	static String tamperedSignature(String token) {
		String[] parts = token.split("\\.");
		char[] signature = parts[2].toCharArray();
		signature[10] = signature[10] == 'A' ? 'B' : 'A';
		return parts[0] + "." + parts[1] + "." + new String(signature);
	}

	/** The same claims, header {@code {"alg":"none"}}, empty signature. */
	static String algNone(String token) {
		String[] parts = token.split("\\.");
		return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
	}

	/** Claims changed (roles raised to admin) but the original signature kept. */
	static String claimsEdited(String token) {
		String[] parts = token.split("\\.");
		String claims = new String(D64.decode(parts[1]), StandardCharsets.UTF_8).replace("\"editor\"",
				"\"editor\",\"admin\",\"ingest\"");
		return parts[0] + "." + encode(claims) + "." + parts[2];
	}

	/** HS256 with the realm's RSA public key (its X.509 encoding) as the HMAC secret. */
	static String hmacWithRealmPublicKey(String token, JsonNode jwks) {
		try {
			JsonNode key = jwks.get("keys").valueStream().filter(k -> "RS256".equals(k.path("alg").asString("")))
				.findFirst().orElse(jwks.get("keys").get(0));
			BigInteger n = new BigInteger(1, D64.decode(key.get("n").asString()));
			BigInteger e = new BigInteger(1, D64.decode(key.get("e").asString()));
			byte[] publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)).getEncoded();
			String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey)
					+ "\n-----END PUBLIC KEY-----\n";
			String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.get("kid").asString() + "\"}");
			String signingInput = header + "." + token.split("\\.")[1];
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The claims of a real token with {@code iat}/{@code exp} moved into the past by the given
	 * seconds, RS256-signed by a key of our own under the realm's key id. A token the realm
	 * really signed and that really expired needs the realm's private key or a wait past the
	 * validators' 60 s clock skew; this one is refused for its signature before its expiry is
	 * even read, which is the order a validator must keep.
	 */
	static String signedByStranger(String token, long shiftSeconds) {
		try {
			String[] parts = token.split("\\.");
			ObjectNode claims = (ObjectNode) Client.JSON.readTree(D64.decode(parts[1]));
			long now = Instant.now().getEpochSecond();
			claims.put("iat", now - shiftSeconds - 300);
			claims.put("exp", now - shiftSeconds);
			ObjectNode header = (ObjectNode) Client.JSON.readTree(D64.decode(parts[0]));
			String signingInput = encode(header.toString()) + "." + encode(claims.toString());
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(pair.getPrivate());
			rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + B64.encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String json) {
		return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
