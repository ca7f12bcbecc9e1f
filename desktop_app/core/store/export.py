"""Exports of records: JSON (everything a program needs) and CSV (one row per record, for Excel)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from desktop_app.core.fields import field_specs
from desktop_app.core.store.views import RecordView

CSV_FIXED_COLUMNS = ("id", "drug_name", "status", "engine", "source_path", "created_at")
UTF8_BOM = "\ufeff"


def record_to_dict(record: RecordView) -> dict[str, Any]:
    return {
        "id": record.id,
        "sha256": record.sha256,
        "source_path": record.source_path,
        "drug_name": record.drug_name,
        "engine": record.engine,
        "status": record.status,
        "fields": record.fields_dict(),
        "ocr_fields": record.ocr_fields_dict(),
        "others": [{"header": f.header, "value": f.value} for f in record.others()],
        "created_at": record.created_at.isoformat(),
    }


def records_to_json(records: list[RecordView]) -> str:
    return json.dumps([record_to_dict(r) for r in records], ensure_ascii=False, indent=2)


def csv_columns() -> list[str]:
    return [*CSV_FIXED_COLUMNS, *(spec.key for spec in field_specs())]


def records_to_csv(records: list[RecordView]) -> str:
    """CSV text starting with a UTF-8 BOM (so Excel on a Chinese Windows reads it as UTF-8, not GBK).

    Write it with ``encoding="utf-8"`` and ``newline=""``. Canonical-key columns are in NMPA order.
    """
    out = io.StringIO()
    out.write(UTF8_BOM)
    writer = csv.writer(out)
    columns = csv_columns()
    writer.writerow(columns)
    for r in records:
        values = r.fields_dict()
        fixed = [r.id, r.drug_name or "", r.status, r.engine or "", r.source_path, r.created_at.isoformat()]
        writer.writerow([*fixed, *(values.get(key, "") for key in columns[len(CSV_FIXED_COLUMNS) :])])
    return out.getvalue()
