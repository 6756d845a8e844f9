"""HTTPS certificates from the system store wherever the distribution keeps it.

A local HTTPS server (the loopback server of ``helpers.http`` behind TLS) presents a
certificate signed by a certificate authority made for the test with the ``openssl``
command; the store is a simulated system root (a temporary folder laid out like Fedora,
Debian, openSUSE or Alpine). No network is used.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
import types
from pathlib import Path

import pytest

from helpers.http import LoopbackServer, Reply, without_proxies
from reader.ingest import fetch as fetch_module
from reader.ingest.fetch import CA_BUNDLES, FetchError, ca_bundle, fetch, tls_context

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")

FEDORA = "/etc/pki/tls/certs/ca-bundle.crt"
DEBIAN = "/etc/ssl/certs/ca-certificates.crt"
OPENSUSE = "/etc/ssl/ca-bundle.pem"
ALPINE = "/etc/ssl/cert.pem"
PAGE = b"<html><head><title>Kindu</title></head><body><p>River traffic resumed.</p></body></html>"


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _make_ca(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-keyout", "ca.key", "-out", "ca.pem", "-subj", f"/CN={name}",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip
    return folder / "ca.pem"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A test CA, a server certificate for 127.0.0.1 it signed, and an unrelated CA."""
    folder = tmp_path_factory.mktemp("pki")
    ca = _make_ca(folder / "ca", "Fieldreader Test CA")
    other = _make_ca(folder / "other", "Some Other CA")
    server = folder / "ca"
    (server / "ext.cnf").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
    )
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=127.0.0.1",
        cwd=server,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-out", "server.pem", "-extfile", "ext.cnf",
        cwd=server,
    )  # fmt: skip
    return {"ca": ca, "other": other, "cert": server / "server.pem", "key": server / "server.key"}


def _system(root: Path, bundle_path: str, ca: Path) -> Path:
    """A simulated system root whose certificate bundle (at ``bundle_path``) holds ``ca``."""
    target = root / bundle_path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ca, target)
    return root


@pytest.fixture
def https_server(pki: dict[str, Path], monkeypatch: pytest.MonkeyPatch):
    without_proxies(monkeypatch)
    server = LoopbackServer({"/page": Reply(PAGE, headers={"Content-Type": "text/html"})})
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki["cert"], pki["key"])
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    with server:
        yield f"https://127.0.0.1:{server.port}"


def _use_system(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """Make :func:`fetch` trust the store of the simulated system at ``root``."""
    monkeypatch.setattr(fetch_module, "tls_context", lambda: tls_context(root, {}))


@pytest.mark.parametrize("layout", [FEDORA, DEBIAN, OPENSUSE, ALPINE])
def test_each_distribution_layout_is_found(tmp_path: Path, pki: dict[str, Path], layout: str):
    root = _system(tmp_path, layout, pki["ca"])
    assert ca_bundle(root, {}) == str(root / layout.lstrip("/"))


def test_the_known_paths_are_tried_in_order(tmp_path: Path, pki: dict[str, Path]):
    _system(tmp_path, FEDORA, pki["other"])
    _system(tmp_path, DEBIAN, pki["ca"])
    assert CA_BUNDLES.index(DEBIAN) < CA_BUNDLES.index(FEDORA)
    assert ca_bundle(tmp_path, {}) == str(tmp_path / DEBIAN.lstrip("/"))


def test_ssl_cert_file_wins_and_a_missing_one_is_ignored(tmp_path: Path, pki: dict[str, Path]):
    root = _system(tmp_path / "root", FEDORA, pki["other"])
    assert ca_bundle(root, {"SSL_CERT_FILE": str(pki["ca"])}) == str(pki["ca"])
    missing = {"SSL_CERT_FILE": str(tmp_path / "nothing.pem")}
    assert ca_bundle(root, missing) == str(root / FEDORA.lstrip("/"))


def test_certifi_is_the_last_resort(
    tmp_path: Path, pki: dict[str, Path], monkeypatch: pytest.MonkeyPatch
):
    nowhere = ssl.DefaultVerifyPaths(
        str(tmp_path / "none.pem"), str(tmp_path / "none"), "SSL_CERT_FILE", "", "", ""
    )
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: nowhere)
    monkeypatch.setitem(sys.modules, "certifi", None)  # not installed
    assert ca_bundle(tmp_path, {}) is None
    fake = types.ModuleType("certifi")
    fake.where = lambda: str(pki["ca"])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "certifi", fake)
    assert ca_bundle(tmp_path, {}) == str(pki["ca"])
    assert ca_bundle(tmp_path, {"SSL_CERT_DIR": str(tmp_path)}) is None  # OpenSSL reads it


def test_https_import_works_with_a_fedora_store(
    tmp_path: Path, pki: dict[str, Path], https_server: str, monkeypatch: pytest.MonkeyPatch
):
    _use_system(monkeypatch, _system(tmp_path, FEDORA, pki["ca"]))
    fetched = fetch(f"{https_server}/page")
    assert fetched.status == 200
    assert fetched.data == PAGE


def test_a_server_the_store_does_not_trust_is_refused(
    tmp_path: Path, pki: dict[str, Path], https_server: str, monkeypatch: pytest.MonkeyPatch
):
    _use_system(monkeypatch, _system(tmp_path, FEDORA, pki["other"]))
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):
        fetch(f"{https_server}/page")


def test_the_context_checks_host_names_and_is_built_once(tmp_path: Path, pki: dict[str, Path]):
    root = _system(tmp_path, FEDORA, pki["ca"])
    context = tls_context(root, {})
    assert context.check_hostname
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.cert_store_stats()["x509_ca"] == 1
    assert tls_context(root, {}) is context
