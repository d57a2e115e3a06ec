"""The OpenAPI 3.1 document of the public API (``GET /api/v1/openapi.json``)."""

from __future__ import annotations

from typing import Any

from saas.directory.models import GROUP_STATUSES, TOPIC_AREAS


def _group_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "name", "topics", "topic_area", "protected", "status", "url"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "topics": {"type": "array", "items": {"type": "string"}},
            "topic_area": {"type": "string", "enum": list(TOPIC_AREAS)},
            "protected": {
                "type": "boolean",
                "description": "Only reachable through the office: no contact data, place or time.",
            },
            "status": {"type": "string", "enum": [s for s in GROUP_STATUSES if s in ("founding", "active")]},
            "looking_for_members": {"type": "boolean"},
            "welcomes_new_members": {"type": "boolean"},
            "audience": {"type": "string", "enum": ["affected", "relatives", "parents", "both"]},
            "description": {"type": "string"},
            "languages": {"type": "array", "items": {"type": "string"}},
            "for_relatives": {
                "type": "boolean",
                "description": "Open to relatives (audience relatives, parents, both)",
            },
            "young": {"type": "boolean", "description": "Junge Selbsthilfe (18–35)"},
            "site": {
                "type": ["object", "null"],
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
            },
            "url": {"type": "string", "format": "uri"},
            "contact": {"type": "string", "enum": ["group", "office"]},
            "meeting": {
                "type": "object",
                "description": "Absent for protected groups.",
                "properties": {
                    "rhythm": {
                        "type": ["string", "null"],
                        "enum": ["weekly", "biweekly", "monthly", "irregular", None],
                    },
                    "weekday": {"type": ["integer", "null"], "minimum": 0, "maximum": 6},
                    "nth_weekday": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
                    "time_start": {"type": ["string", "null"]},
                    "time_end": {"type": ["string", "null"]},
                    "text": {"type": "string"},
                    "place": {"type": ["string", "null"]},
                    "mode": {"type": "string", "enum": ["in_person", "online", "hybrid"]},
                    "step_free": {
                        "type": "boolean",
                        "description": "Step-free access (own place, or an accessible room of the office)",
                    },
                },
            },
            "contacts": {
                "type": "array",
                "description": "Absent for protected groups; only contact persons who consented to publication.",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "phone": {"type": ["string", "null"]},
                        "email": {"type": ["string", "null"]},
                    },
                },
            },
        },
    }


def _error() -> dict[str, Any]:
    return {
        "description": "Unknown office or group",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def document(base_url: str) -> dict[str, Any]:
    slug = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}, "description": "Office slug"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Lotse public directory API",
            "version": "1.0.0",
            "description": "Open data of the offices' directories (Wegweiser). Read-only, CORS-enabled.",
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/api/v1/tenants/{slug}/groups": {
                "get": {
                    "operationId": "listGroups",
                    "summary": "Search an office's public directory",
                    "parameters": [
                        slug,
                        {
                            "name": "q",
                            "in": "query",
                            "schema": {"type": "string", "maxLength": 200},
                            "description": "Search text; results ordered by relevance (synonyms, compounds, typos)",
                        },
                        {"name": "topic_area", "in": "query", "schema": {"type": "string", "enum": list(TOPIC_AREAS)}},
                        {
                            "name": "site",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1},
                            "description": "Only groups of this site (Standort) of the office",
                        },
                        {
                            "name": "weekday",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 7},
                            "description": "ISO weekday of the meeting: 1 = Monday … 7 = Sunday",
                        },
                        {
                            "name": "time",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["day", "evening"]},
                            "description": "day: starts before 17:00; evening: at 17:00 or later",
                        },
                        {
                            "name": "mode",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["in_person", "online", "hybrid"]},
                            "description": "Meeting mode; hybrid groups also answer in_person and online",
                        },
                        {
                            "name": "for_relatives",
                            "in": "query",
                            "schema": {"type": "integer", "enum": [0, 1]},
                            "description": "1: only groups open to relatives",
                        },
                        {
                            "name": "young",
                            "in": "query",
                            "schema": {"type": "integer", "enum": [0, 1]},
                            "description": "1: only Junge Selbsthilfe groups (18–35)",
                        },
                        {
                            "name": "language",
                            "in": "query",
                            "schema": {"type": "string", "pattern": "^[a-z]{2,3}$"},
                            "description": "ISO 639 language code (de, en, tr, …) the group speaks",
                        },
                        {
                            "name": "step_free",
                            "in": "query",
                            "schema": {"type": "integer", "enum": [0, 1]},
                            "description": "1: only groups meeting step-free (own place or an accessible office room)",
                        },
                        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
                    ],
                    "responses": {
                        "200": {
                            "description": "One page of groups, best matches first",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["items", "total", "page", "per_page"],
                                        "properties": {
                                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
                                            "total": {"type": "integer"},
                                            "page": {"type": "integer"},
                                            "per_page": {"type": "integer"},
                                        },
                                    }
                                }
                            },
                        },
                        "400": {
                            "description": "Invalid parameter",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                        },
                        "404": _error(),
                    },
                }
            },
            "/api/v1/tenants/{slug}/groups/{group_id}": {
                "get": {
                    "operationId": "getGroup",
                    "summary": "One group of an office's public directory",
                    "parameters": [
                        slug,
                        {"name": "group_id", "in": "path", "required": True, "schema": {"type": "integer"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "The group",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Group"}}},
                        },
                        "404": _error(),
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "schemas": {
                "Group": _group_schema(),
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
                },
            }
        },
    }
