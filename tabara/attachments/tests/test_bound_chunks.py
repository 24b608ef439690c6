"""A file's bytes open only in their own file, at their own position, complete.

Each chunk is sealed for its row, and its row_uuid must be the one derived from its file
and index (RFC 4122 UUIDv5): chunks swapped between files, reordered, dropped or copied
at SQL level are refused with the integrity page, never served as the file.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.db import connection
from django.test import Client

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.attachments.models import Attachment, AttachmentChunk
from tabara.attachments.tests import samples
from tabara.cases.tests.factories import agencies_create, case_create

StaffClient = Callable[..., tuple[Client, User]]


def sql(statement: str, params: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def two_files(staff_client: StaffClient) -> tuple[Client, Attachment, Attachment]:
    agencies = agencies_create()
    client, owner = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(owner)
    for name, data in (("long.mp3", samples.mp3(frames=400)), ("short.pdf", samples.pdf())):
        file = io.BytesIO(data)
        file.name = name
        client.post(f"/en/staff/cases/{case.pk}/files/new/", {"attachments": [file]})
    long, short = Attachment.objects.order_by("id")
    assert long.chunks.count() >= 3  # 400 frames of 417 bytes, in 64 KiB chunks
    return client, long, short


def refused(client: Client, attachment: Attachment) -> bool:
    response = client.get(f"/en/staff/files/{attachment.pk}/")
    return response.status_code == 500 and b"failed its integrity check" in response.content


def test_both_files_open_untouched(geography: None, staff_client: StaffClient) -> None:
    client, long, short = two_files(staff_client)
    served_long = client.get(f"/en/staff/files/{long.pk}/")
    served_short = client.get(f"/en/staff/files/{short.pk}/")
    assert served_long.status_code == 200 and len(served_long.content) == long.size
    assert served_short.status_code == 200 and served_short.content.startswith(b"%PDF")


def test_a_chunk_copied_from_another_file_is_refused(
    geography: None, staff_client: StaffClient
) -> None:
    client, long, short = two_files(staff_client)
    other = AttachmentChunk.objects.filter(attachment=short, index=0).values_list("pk")[0][0]
    sql(
        "UPDATE attachments_attachmentchunk SET data = "
        "(SELECT data FROM attachments_attachmentchunk WHERE id = %s) "
        'WHERE attachment_id = %s AND "index" = 0',
        [other, long.pk],
    )
    assert refused(client, long)


def test_chunks_swapped_in_order_are_refused(geography: None, staff_client: StaffClient) -> None:
    client, long, _short = two_files(staff_client)
    table = "attachments_attachmentchunk"
    for old, new in ((0, 99), (1, 0), (99, 1)):
        sql(
            f'UPDATE {table} SET "index" = %s WHERE attachment_id = %s AND "index" = %s',  # noqa: S608
            [new, long.pk, old],
        )
    assert refused(client, long)


def test_a_dropped_last_chunk_is_refused(geography: None, staff_client: StaffClient) -> None:
    client, long, _short = two_files(staff_client)
    last = long.chunks.order_by("-index").values_list("index", flat=True)[0]
    sql(
        'DELETE FROM attachments_attachmentchunk WHERE attachment_id = %s AND "index" = %s',
        [long.pk, last],
    )
    assert refused(client, long)
