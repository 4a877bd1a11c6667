#!/usr/bin/env python3
"""A stand-in for Keycloak's realm keys, for the rendition benchmark only.

  identity.py jwks KEY.pem                 -> prints a JWKS with the key's public half
  identity.py token KEY.pem ISSUER         -> prints an RS256 token with role "editor"

The token has the claims the services check (iss, aud "news-api", exp, realm_access.roles,
preferred_username) and is signed by openssl with the private key; nothing here is a secret
that outlives the benchmark's temporary directory. Standard library and openssl only.
"""
import base64
import json
import subprocess
import sys
import time


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def modulus(key: str) -> bytes:
    out = subprocess.run(["openssl", "rsa", "-in", key, "-noout", "-modulus"],
                         check=True, capture_output=True, text=True).stdout
    return bytes.fromhex(out.strip().split("=", 1)[1])


def jwks(key: str) -> str:
    return json.dumps({"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "bench",
                                 "n": b64url(modulus(key)), "e": "AQAB"}]})


def token(key: str, issuer: str) -> str:
    now = int(time.time())
    header = {"alg": "RS256", "typ": "JWT", "kid": "bench"}
    claims = {"iss": issuer, "sub": "bench-editor", "aud": ["news-api"], "iat": now, "nbf": now,
              "exp": now + 3600, "preferred_username": "bench-editor",
              "realm_access": {"roles": ["editor"]}}
    signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input,
                               check=True, capture_output=True).stdout
    return signing_input.decode() + "." + b64url(signature)


if __name__ == "__main__":
    if sys.argv[1] == "jwks":
        print(jwks(sys.argv[2]))
    elif sys.argv[1] == "token":
        print(token(sys.argv[2], sys.argv[3]))
    else:
        sys.exit("usage: identity.py jwks KEY.pem | token KEY.pem ISSUER")
