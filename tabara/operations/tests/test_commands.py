"""`manage.py backup` and `restore` refuse clearly, with a non-zero exit, and change nothing."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import translation

from tabara.audit.models import AuditAction, AuditEvent
from tabara.audit.services import audit_anchor_sign, audit_record
from tabara.operations import sealed
from tabara.operations.manifest import Manifest
from tabara.operations.refusals import archive_refusal
from tabara.operations.sealed import SealingWriter
from tabara.operations.services import BackupError, _restored_audit_check, backup_keys


def sealed_tar(path: Path, members: dict[str, bytes]) -> Path:
    with path.open("wb") as out:
        sealer = SealingWriter(out, backup_keys()[0])
        with tarfile.open(fileobj=sealer, mode="w|") as tar:  # type: ignore[call-overload]
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        sealer.close()
    return path


@pytest.mark.django_db
def test_restore_refuses_a_database_that_has_tables(tmp_path: Path) -> None:
    archive = sealed_tar(tmp_path / "a.tbk", {"manifest.json": b"{}"})
    with pytest.raises(CommandError, match="the database is not empty"):
        call_command("restore", str(archive))


def test_check_refuses_a_tampered_archive(tmp_path: Path) -> None:
    archive = sealed_tar(tmp_path / "a.tbk", {"database.sqlite3": b"x" * 5000})
    data = bytearray(archive.read_bytes())
    data[200] ^= 0x40
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match=r"Refused: part 0 of the archive failed"):
        call_command("restore", "--check", str(archive))


def test_check_refuses_a_member_outside_the_archive_layout(tmp_path: Path) -> None:
    archive = sealed_tar(tmp_path / "a.tbk", {"../etc/passwd": b"x"})
    with pytest.raises(CommandError, match="unexpected member"):
        call_command("restore", "--check", str(archive))
    assert not (tmp_path.parent / "etc").exists()


def test_check_refuses_files_that_do_not_match_the_manifest(tmp_path: Path) -> None:
    manifest = (
        b'{"format": 1, "created_at": "", "engine": "sqlite", "migrations": [], "tables": {},'
        b' "audit_head": "", "audit_events": 0, "files": {}}'
    )
    archive = sealed_tar(
        tmp_path / "a.tbk", {"database.sqlite3": b"extra", "manifest.json": manifest}
    )
    with pytest.raises(CommandError, match="do not match the checksums"):
        call_command("restore", "--check", str(archive))


def test_an_archive_sealed_with_another_key_is_named_as_such(tmp_path: Path) -> None:
    archive = sealed_tar(tmp_path / "a.tbk", {"manifest.json": b"{}"})
    other = "b3RoZXItYmFja3VwLWtleS0wMDAwMDAwMDAwMDAwMDE="
    with (
        override_settings(TABARA_BACKUP_KEYS=[other]),
        pytest.raises(CommandError, match="backup key that is not configured"),
    ):
        call_command("restore", "--check", str(archive))


def test_backup_refuses_without_a_key_and_over_an_existing_file(tmp_path: Path) -> None:
    with (
        override_settings(TABARA_BACKUP_KEYS=[]),
        pytest.raises(CommandError, match="No backup key is configured"),
    ):
        call_command("backup", str(tmp_path / "new.tbk"))
    (tmp_path / "old.tbk").write_bytes(b"keep me")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(tmp_path / "old.tbk"))
    assert (tmp_path / "old.tbk").read_bytes() == b"keep me"
    assert not (tmp_path / "new.tbk").exists()


def test_backup_key_new_prints_a_usable_key(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("backup_key_new")
    key = capsys.readouterr().out.strip()
    with override_settings(TABARA_BACKUP_KEYS=[key]):
        assert len(backup_keys()[0]) == 32


@pytest.mark.django_db
def test_a_restore_whose_audit_chain_falls_short_of_the_archive_anchor_is_refused() -> None:
    for _ in range(3):
        audit_record(actor=None, action=AuditAction.LOGIN_FAILED)
    head = AuditEvent.objects.get(seq=3)
    manifest = Manifest(
        created_at="", engine="sqlite", migrations=[], tables={}, audit_head=head.hash,
        audit_events=3, audit_anchor=audit_anchor_sign(3, head.hash),
    )  # fmt: skip
    _restored_audit_check(manifest)  # reached: nothing to say
    manifest.audit_anchor = audit_anchor_sign(4, "ab" * 32)  # a backup taken one event later
    with pytest.raises(BackupError, match="newest events were removed"):
        _restored_audit_check(manifest)
    manifest.audit_anchor = manifest.audit_anchor.replace("seq=4", "seq=3")
    with pytest.raises(BackupError, match="anchor is refused"):
        _restored_audit_check(manifest)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Refused: {path} is not a file."),
        ("fr", "Refusé : {path} n'est pas un fichier."),
        ("rw", "Byanze: {path} si dosiye."),
    ],
)
def test_the_commands_speak_the_operators_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    """Written from docs/backup.md's list of refusals, in each language of the catalogues."""
    missing = tmp_path / "missing.tbk"
    # Whatever language is active (the site's default is rw), --language decides.
    with translation.override("rw"), pytest.raises(CommandError) as refused:
        call_command("restore", str(missing), language=language)
    assert str(refused.value) == expected.format(path=missing)


@pytest.mark.parametrize(
    ("language", "cut", "expected"),
    [
        ("rw", 200, "Byanze: igice cya 0 cy'ububiko nticyemejwe: cyahinduwe nyuma yo gufungwa, "
         "cyangwa cyangiritse."),
        ("fr", 200, "Refusé : la partie 0 de l'archive n'a pas passé l'authentification : elle a "
         "été modifiée après le scellement, ou elle est endommagée."),
        ("rw", -1, "Byanze: ububiko burangira hagati mu gice: bwaciwemo nyuma yo gufungwa."),
        ("fr", 3, "Refusé : ce fichier n'est pas une archive de sauvegarde Tabara."),
    ],
)  # fmt: skip
def test_the_archive_formats_refusals_speak_the_operators_language_too(
    tmp_path: Path, language: str, cut: int, expected: str
) -> None:
    """A changed byte, a cut end, a file that is no archive: said whole in rw and fr."""
    archive = sealed_tar(tmp_path / "a.tbk", {"database.sqlite3": b"x" * 5000})
    data = bytearray(archive.read_bytes())
    if cut == 200:
        data[200] ^= 0x40
    else:
        data = data[:cut]
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError) as refused:
        call_command("restore", "--check", str(archive), language=language)
    assert str(refused.value) == expected


def test_a_malformed_backup_key_is_refused_in_the_operators_language(tmp_path: Path) -> None:
    with (
        override_settings(TABARA_BACKUP_KEYS=["not base64!"]),
        pytest.raises(CommandError) as refused,
    ):
        call_command("backup", str(tmp_path / "new.tbk"), language="fr")
    assert str(refused.value).startswith(
        "Refusé : une clé de TABARA_BACKUP_KEYS n'est pas du base64 urlsafe de 32 octets"
    )


@pytest.mark.parametrize("reason", sealed.REASONS)
def test_every_refusal_of_the_archive_format_is_translated(reason: str) -> None:
    said = {}
    for language in ("rw", "en", "fr"):
        with translation.override(language):
            said[language] = archive_refusal(sealed.ArchiveError(reason, "", version=9, chunk=3))
    assert said["en"].startswith("Refused: ") and said["rw"].startswith("Byanze: ")
    assert said["fr"].startswith("Refusé : ") and len(set(said.values())) == 3
