#!/usr/bin/env python3
"""What ranking-service needs around it during the benchmark, on one loopback port:

  GET /realms/news/protocol/openid-connect/certs   the JWKS whose key signed the ingest token
  GET /api/articles/summaries?ids=a,b              article-service's summaries endpoint: every
                                                   well-formed id is a published article

Usage: stand_ins.py PORT JWKS_FILE
"""
import json
import re
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SECTIONS = ["national", "world", "business", "opinion", "sports", "culture", "lifestyle", "tech"]
ARTICLE_ID = re.compile(r"^[0-9a-f]{24}$")
PUBLISHED_AT = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class StandIns(BaseHTTPRequestHandler):
    jwks = b""

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/realms/news/protocol/openid-connect/certs":
            self.answer(200, self.jwks)
        elif url.path == "/api/articles/summaries":
            ids = [i for i in ",".join(parse_qs(url.query).get("ids", [])).split(",") if ARTICLE_ID.match(i)]
            items = [{"id": i, "slug": "bench-story-" + i[-6:], "headline": "Bench story " + i[-6:],
                      "section": SECTIONS[int(i[-2:], 16) % len(SECTIONS)], "leadMediaId": None,
                      "firstPublishedAt": PUBLISHED_AT} for i in ids]
            self.answer(200, json.dumps({"items": items}).encode())
        else:
            self.answer(404, b'{"status": 404}')

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, jwks_file = int(sys.argv[1]), sys.argv[2]
    with open(jwks_file, "rb") as f:
        StandIns.jwks = f.read()
    ThreadingHTTPServer(("127.0.0.1", port), StandIns).serve_forever()
