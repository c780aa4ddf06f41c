"""The example of docs/audit-trail.md is what kpass computes (the format is published)."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from kpass.models.audit_chain import GENESIS, canonical_event, event_hash

DOC = Path(__file__).resolve().parents[3] / "docs" / "audit-trail.md"


def test_the_documented_example_hashes_as_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = re.search(r"```\n(\{\"action\".*\})\n```", text)
    documented = re.search(r"has the hash `([0-9a-f]{64})`", text)
    assert example is not None and documented is not None
    document = json.loads(example.group(1))
    fields = dict(
        seq=document["seq"], prev_hash=document["prev"],
        at=datetime.strptime(document["at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC),
        user_id=document["user"], action=document["action"], entity=document["entity"],
        entity_id=document["entity_id"], details=document["details"],
    )
    assert document["prev"] == GENESIS and document["v"] == 1
    assert canonical_event(**fields).decode("utf-8") == example.group(1)
    assert event_hash(**fields) == documented.group(1)
    assert hashlib.sha256(example.group(1).encode("utf-8")).hexdigest() == documented.group(1)
