"""The JSON API of Tabara and its OpenAPI schema at /api/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

from tabara.screening.api import router as screening_router

api = NinjaAPI(
    title="Tabara API",
    version="1",
    description="Screening and (later) case data for Tabara. Public endpoints store nothing.",
    urls_namespace="api",
    docs_url=None,  # Swagger UI loads from a CDN: no third-party requests, so the schema only
)
api.add_router("/", screening_router)
