#!/usr/bin/env python3
"""An honest stand-in for Keycloak's news realm, for the benchmark only: an RSA key made here
with openssl, its JWKS, and one access token signed with it (RS256) that carries what
ranking-service checks: issuer, audience news-api, expiry, and realm role "ingest".

Usage: identity.py DIR ISSUER    writes DIR/key.pem, DIR/jwks.json and DIR/token
"""
import base64
import json
import os
import subprocess
import sys
import time


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main(directory, issuer):
    key = os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key],
                   check=True, capture_output=True)
    modulus = subprocess.run(["openssl", "rsa", "-in", key, "-noout", "-modulus"], check=True,
                             capture_output=True, text=True).stdout.strip().split("=", 1)[1]
    jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "bench-key",
           "n": b64url(bytes.fromhex(modulus)), "e": b64url((65537).to_bytes(3, "big"))}
    with open(os.path.join(directory, "jwks.json"), "w") as f:
        json.dump({"keys": [jwk]}, f)

    now = int(time.time())
    header = {"alg": "RS256", "typ": "JWT", "kid": "bench-key"}
    claims = {"iss": issuer, "aud": ["news-api"], "sub": "bench-collector", "iat": now, "nbf": now,
              "exp": now + 3 * 3600, "azp": "news-internal", "preferred_username": "service-account-bench",
              "realm_access": {"roles": ["ingest"]}}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input.encode(),
                               check=True, capture_output=True).stdout
    with open(os.path.join(directory, "token"), "w") as f:
        f.write(signing_input + "." + b64url(signature))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
