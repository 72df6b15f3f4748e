#!/usr/bin/env python3
"""A fake GitHub REST API for pysec's tests, on 127.0.0.1 (standard library
plus python3-jsonschema).

    fake_github.py --record FILE [--scenario FILE] [--schema CHECKRUNS_SCHEMA]
                   [--tls-cert CERT --tls-key KEY]

Prints "PORT <n>" on its first line once it listens, then serves until killed.

By default it answers like GitHub's check-runs endpoints: POST
/repos/{owner}/{repo}/check-runs creates run 42, PATCH .../check-runs/42
updates it. A scenario file scripts other answers, consumed in order:

    {"responses": [{"method": "POST", "path": "/check-runs$", "times": 1,
                    "status": 502, "headers": {...}, "body": {...}}]}

Every request is appended to the record file (a JSON list, rewritten each
time): method, path, the non-secret headers, whether the Authorization header
carried the token in the FAKE_GITHUB_TOKEN environment variable (the token
itself is never written), the JSON body, and the body's errors against the
Check Runs request schema.
"""
import argparse
import json
import os
import re
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    import jsonschema
except ImportError:  # validation is skipped without it; the tests require it
    jsonschema = None

LOCK = threading.Lock()
RECORDS = []


def load_validators(schema_path):
    if not schema_path or jsonschema is None:
        return {}
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validators = {}
    for method, name in (("POST", "checks-create-request"), ("PATCH", "checks-update-request")):
        wrapper = {"$schema": schema.get("$schema"), "definitions": schema["definitions"],
                   "$ref": f"#/definitions/{name}"}
        validators[method] = jsonschema.Draft7Validator(wrapper)
    return validators


def make_handler(args, scenario, validators):
    expected_token = os.environ.get("FAKE_GITHUB_TOKEN", "")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *unused):
            pass

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = {"unparseable": raw.decode("utf-8", "replace")}
            authorization = self.headers.get("Authorization")
            auth_state = "missing" if authorization is None else (
                "ok" if expected_token and authorization == f"Bearer {expected_token}" else "wrong")
            errors = []
            validator = validators.get(self.command) if "/check-runs" in self.path else None
            if validator is not None and body is not None:
                errors = [error.message for error in validator.iter_errors(body)]
            headers = {key.lower(): value for key, value in self.headers.items() if key.lower() != "authorization"}
            record = {"method": self.command, "path": self.path, "headers": headers, "authorization": auth_state,
                      "body": body, "schema_errors": errors, "time": time.time()}
            with LOCK:
                RECORDS.append(record)
                with open(args.record, "w", encoding="utf-8") as handle:
                    json.dump(RECORDS, handle)
                answer = self.scripted()
            if answer is None:
                answer = self.default_answer(body)
            status, headers, payload = answer
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, str(value))
            self.end_headers()
            self.wfile.write(data)

        def scripted(self):
            for entry in scenario.get("responses", []):
                if entry.get("times", 1) <= 0:
                    continue
                if entry.get("method", self.command) != self.command:
                    continue
                if not re.search(entry.get("path", ""), self.path):
                    continue
                entry["times"] = entry.get("times", 1) - 1
                headers = dict(entry.get("headers", {}))
                if "x-ratelimit-reset-in" in headers:  # relative reset, resolved now
                    headers["x-ratelimit-reset"] = int(time.time()) + int(headers.pop("x-ratelimit-reset-in"))
                return entry.get("status", 200), headers, entry.get("body", {})
            return None

        def default_answer(self, body):
            if self.command == "POST" and re.search(r"/repos/[^/]+/[^/]+/check-runs$", self.path):
                return 201, {}, {"id": 42, "name": (body or {}).get("name"), "head_sha": (body or {}).get("head_sha")}
            if self.command == "PATCH" and re.search(r"/check-runs/42$", self.path):
                return 200, {}, {"id": 42, "status": (body or {}).get("status", "in_progress")}
            return 404, {}, {"message": "Not Found"}

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--record", required=True)
    parser.add_argument("--scenario")
    parser.add_argument("--schema")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    scenario = {}
    if args.scenario:
        with open(args.scenario, encoding="utf-8") as handle:
            scenario = json.load(handle)
    with open(args.record, "w", encoding="utf-8") as handle:
        json.dump([], handle)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args, scenario, load_validators(args.schema)))
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
