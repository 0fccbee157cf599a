"""Schemathesis fuzzes every route from /api/openapi.json (bounded): no 5xx, and
answers that match the documented statuses, content types and schemas."""
import os
import shutil
import subprocess
import sys

import pytest

from samenspel_server import Server

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,positive_data_acceptance"


def schemathesis(server, token, *paths):
    command = shutil.which("st") or shutil.which("schemathesis")
    if command is None:
        pytest.fail("schemathesis is not installed: run scripts/install-deps.sh --test")
    result = subprocess.run(
        [command, "run", f"http://127.0.0.1:{server.port}/api/openapi.json", "--checks", CHECKS,
         "--max-examples", os.environ.get("FUZZ_EXAMPLES", "40"), "--request-timeout", "5",
         "--header", f"Authorization: Bearer {token}", "--generation-deterministic", *paths],
        capture_output=True, text=True, timeout=240)
    sys.stdout.write(result.stdout[-3000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_fuzz_viewer_and_participant_routes(tmp_path):
    server = Server(str(tmp_path / "data"))
    try:
        schemathesis(server, server.join("muziek"), "--exclude-path-regex", "/api/(events|trainer/.*)")
        assert server.request("GET", "/api/health")[0] == 200
    finally:
        assert server.stop() == 0


def test_fuzz_trainer_routes(tmp_path):
    server = Server(str(tmp_path / "data"))
    try:
        schemathesis(server, server.trainer_token, "--include-path-regex", "/api/trainer/.*")
        assert server.request("GET", "/api/health")[0] == 200
    finally:
        assert server.stop() == 0
