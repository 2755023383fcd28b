#!/usr/bin/env python3
"""Writes src/api/openapi.json: the API's OpenAPI 3 document (run after changing routes)."""
import json
import os

def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}

def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}

num, integer, string, boolean = {"type": "number"}, {"type": "integer"}, {"type": "string"}, {"type": "boolean"}
date = {"type": "string", "format": "date"}

def obj(props, required=None):
    return {"type": "object", "properties": props, "required": required if required is not None else list(props)}

def page(item):
    return obj({"items": {"type": "array", "items": item}, "page": integer, "page_size": integer, "total": integer})

period = obj({"key": string, "label": string})
attainment = {"type": "string", "enum": ["exceeded", "met", "in_progress", "not_met", "no_target", "no_data"]}
anything = {}  # any JSON value (audit rows keep what each action wrote)

schemas = {
    "Error": obj({"error": obj({"code": string, "message": string, "field": nullable(string), "request_id": string},
                               ["code", "message", "field", "request_id"])}),
    "Period": period,
    # `province`: "Tỉnh Thanh Hóa" beside the name (two wards are called Phường Quảng Phú); null for a province.
    # `predecessors` / `successors` (lists, search and one unit): the 2025 reorganisation's links.
    "Unit": obj({"id": integer, "code": string, "name": string, "full_name": string, "province": nullable(string),
                 "type": string, "type_name": string, "parent": nullable(integer), "valid_from": nullable(date),
                 "valid_to": nullable(date), "has_children": boolean,
                 "path": {"type": "array", "items": ref("UnitRef")},
                 "predecessors": {"type": "array", "items": ref("UnitLink")},
                 "successors": {"type": "array", "items": ref("UnitLink")}},
                ["id", "code", "name", "full_name", "province", "type", "type_name", "parent", "valid_from", "valid_to",
                 "has_children"]),
    # A unit on the path above another (no path of its own).
    "UnitRef": obj({"id": integer, "code": string, "name": string, "full_name": string, "province": nullable(string),
                    "type": string, "type_name": string, "parent": nullable(integer), "valid_from": nullable(date),
                    "valid_to": nullable(date), "has_children": boolean}),
    "UnitLink": {**obj({"unit": ref("UnitRef"), "effective": date,
                        "coverage": {"type": "string", "enum": ["full", "partial"]},
                        "share": {"description": "1 for a whole unit; the share of a split unit's figures counted; null: not set",
                                  **nullable(num)}}),
                 "description": "A unit this one was formed from, or became, from `effective` on (wholly or in part)."},
    "Indicator": obj({"code": string, "name": string, "name_vi": string, "name_en": string, "unit": string,
                      "group": string, "value_kind": {"type": "string", "enum": ["number", "percent", "fraction", "yes_no"]},
                      "direction": {"type": "string", "enum": ["higher", "lower", "band"]},
                      "spatial": string, "time": string,
                      "allow_negative": boolean,
                      "weight_by": {**string, "description": "for a mean across units: the indicator whose value weighs each unit (DAN_SO for income per head); \"\" for a plain mean"},
                      "aliases": {"type": "array", "items": string}}),
    "Result": obj({"id": integer, "unit": integer, "indicator": string, "period": string, "period_label": string,
                   "value": num, "numerator": nullable(num), "denominator": nullable(num), "qualifier": string,
                   "estimated": boolean, "status": {"type": "string", "enum": ["draft", "submitted", "approved"]},
                   "version": integer, "updated_by": string, "updated_at": string,
                   "returned": {"description": "while a draft sent back and not submitted again: the approver's comment, who and when",
                                **nullable(obj({"comment": string, "by": string, "at": string}))},
                   "provenance": obj({"kind": string, "source": string,
                                      "span": {"type": "array", "items": integer}}, ["kind", "source"])}),
    "Plan": obj({"id": integer, "unit": integer, "body_kind": string, "body_name": string,
                 "assigned_by_superior": boolean, "first_year": integer, "last_year": integer, "resolution": string,
                 "resolution_date": nullable(date),
                 "targets": {"type": "array", "items": obj({"indicator": string, "year": integer, "comparator": string,
                                                             "value": num, "value_high": nullable(num),
                                                             "form": ref("TargetForm"), "form_text": string,
                                                             "adjusted": nullable(num), "adjusted_by": string})}}),
    # How a target is written: a level, or a change from last year's result ("tăng 10,5% so với năm trước":
    # value 10.5; a rate "giảm 0,43 điểm %": value -0.43) worked out when that result is known.
    # "vượt 5% chỉ tiêu cấp trên giao": above_assigned_percent, value 5, worked out on the assigned plan's target.
    "TargetForm": {"type": "string", "enum": ["level", "growth_percent", "change_points", "above_assigned_percent"]},
    # The target a figure is judged against (as a level: value), and the other bodies' targets for the same
    # indicator; written_value and form_text say how it was written, worked_out whether its level is known.
    "Target": obj({"comparator": string, "value": num, "value_high": nullable(num), "body_kind": string,
                   "form": ref("TargetForm"), "form_text": string, "written_value": num, "worked_out": boolean,
                   # Adjusted during the year ("sau điều chỉnh bổ sung"): value is the adjusted level judged on,
                   # first_set_value the level first set (kế hoạch pháp lệnh / giao đầu năm).
                   "first_set_value": nullable(num), "adjusted_by": string}),
    "OtherTarget": obj({"body_kind": string, "body_name": string, "comparator": string, "value": num,
                        "adjusted": nullable(num), "resolution": string}),
    # Vượt / đạt / chưa đạt (inside the year) / không đạt (the year) / không giao chỉ tiêu / chưa có số liệu.
    "EvaluationRow": obj({"indicator": ref("Indicator"), "target": nullable(ref("Target")),
                          "targets": {"type": "array", "items": ref("OtherTarget")},
                          "actual": nullable(num), "previous": nullable(num),
                          "percent_of_plan": nullable(num), "percent_inverse": boolean,
                          "percent_of_previous": nullable(num),
                          "points_from_plan": nullable(num), "points_from_previous": nullable(num),
                          "percent_of_first_set": nullable(num), "points_from_first_set": nullable(num),
                          "status": attainment, "status_label": string, "year_verdict": boolean,
                          "pace": nullable(obj({"key": {"type": "string", "enum": ["ahead", "on_pace", "behind"]},
                                                "label": string, "expected_percent": num, "basis": string})),
                          "estimated": boolean, "note": string,
                          # A term target for a later year (nhiệm kỳ): where its even path from the term's
                          # starting result stands this year, and whether the result is on it. Never the verdict.
                          "term_path": nullable(obj({"first_year": integer, "last_year": integer, "target_year": integer,
                                                     "comparator": string, "target": num, "baseline_year": integer,
                                                     "baseline": num, "level": num, "on_path": nullable(boolean),
                                                     "basis": string})),
                          "result_id": nullable(integer), "result_status": nullable(string),
                          "unapproved_value": nullable(num), "counts_unapproved": boolean,
                          "months_reported": integer,
                          "actual_series": ref("Series"), "previous_series": ref("Series")}),
    "SeriesPart": {**obj({"unit": ref("Unit"), "period": string, "period_label": string,
                          "coverage": {"type": "string", "enum": ["full", "partial"]},
                          "share": {"description": "1 for a whole unit; the share set on a split unit; null: split, no share set, not counted",
                                    **nullable(num)},
                          "value": nullable(num), "counted": boolean}),
                   "description": "One unit's part in a value rebuilt on a unit's boundary."},
    "Series": {**obj({"basis": {"type": "string", "enum": ["reported", "rebuilt", "mixed"]}, "label": string,
                      "value": nullable(num), "complete": boolean,
                      "parts": {"type": "array", "items": ref("SeriesPart")},
                      "split_units": {"type": "array", "items": ref("Unit")}, "text": string}),
               "description": "What a value rests on: the unit's own figures (\"số liệu báo cáo\") or those of the units that "
                              "made up its territory (\"tính theo địa giới mới\"); 2025 of a new commune joins the old units' "
                              "first half to its own second half."},
    "Summary": obj({"text": string, "part_year": boolean, "with_target": integer,
                    "exceeded": integer, "met": integer, "in_progress": integer,
                    "not_met": integer, "no_data": integer, "no_target": integer,
                    "estimated": integer}),
    # The reference plan the reviewing body chose (?plan=), and every plan of the year judged on its own targets.
    "Evaluation": obj({"unit": ref("Unit"), "period": ref("Period"), "include_unapproved": boolean,
                       "plan": obj({"key": string, "label": string}),
                       "plans": {"type": "array", "items": obj({
                           "body_kind": string, "body_name": string, "assigned_by_superior": boolean,
                           "resolution": string, "first_year": integer, "last_year": integer, "chosen": boolean,
                           "counted": boolean, "summary": ref("Summary")})},
                       "rows": {"type": "array", "items": ref("EvaluationRow")},
                       # One plan's x/y, never several plans' targets added up; summary_plan names it.
                       "summary": ref("Summary"), "summary_plan": nullable(string)}),
    "Rollup": obj({"unit": ref("Unit"), "period": ref("Period"),
                   "items": {"type": "array", "items": obj({"indicator": ref("Indicator"),
                                                             "label": {**string, "description": "what the value is, by the indicator's rule and the units below: 'Tổng các phường, xã', 'Tỷ lệ chung các xã', 'Số phường đạt'; never the unit's own figure"},
                                                             "value": nullable(num),
                                                             "numerator": nullable(num), "denominator": nullable(num),
                                                             "estimated": boolean, "expected": integer,
                                                             "reporting": integer,
                                                             "missing": {"type": "array", "items": integer},
                                                             "without_base": {"type": "array", "items": integer,
                                                                              "description": "units that reported a rate without numerator and denominator: counted as reporting, left out of the ratio"}})}}),
    "CompareRow": obj({"unit": ref("Unit"), "actual": nullable(num), "target": nullable(num),
                       "percent_of_plan": nullable(num), "percent_of_previous": nullable(num),
                       "points_from_plan": nullable(num), "status": attainment,
                       "status_label": string,
                       "rank": {**nullable(integer), "description": "1 for the best actual by the indicator's direction; null without a figure (those come last)"}},
                      ["unit", "rank", "actual", "status"]),
    # One unit's evaluation of one indicator in /compare/table; approved: the result counted is approved only.
    "CompareCell": obj({"actual": nullable(num), "target": nullable(num), "percent_of_plan": nullable(num),
                        "percent_of_previous": nullable(num), "points_from_plan": nullable(num), "status": attainment,
                        "status_label": string, "result_status": nullable(string), "approved": boolean,
                        "unapproved_value": nullable(num)}),
    # The units below × indicators; sum: the units' counted results combined by the indicator's rule (a sum, a
    # mean, a ratio of sums; "Tổng các phường, xã", "Tỷ lệ chung các xã"), for every indicator that adds up across
    # units; never the parent's own figure. additive: the indicator is summed; sum_label: a sum's label.
    "CompareTable": obj({"parent": ref("Unit"), "period": ref("Period"), "include_unapproved": boolean,
                         "sum_label": string,
                         "indicators": {"type": "array", "items": obj({
                             "indicator": ref("Indicator"), "additive": boolean,
                             "sum": nullable(obj({"label": string, "value": nullable(num), "reporting": integer,
                                                  "expected": integer,
                                                  "without_base": {"type": "array", "items": integer}}))})},
                         "units": {"type": "array", "items": obj({"unit": ref("Unit"), "cells": {
                             "type": "array", "items": nullable(ref("CompareCell"))}})}}),
    # basis "reported": the unit's own figure ("số liệu báo cáo"); "rebuilt" / "mixed": before the unit was formed,
    # from the units it was formed from ("tính theo địa giới mới"); complete: no split unit left out, none missing.
    "TrendPoint": obj({"period": string, "label": string, "months": integer, "value": num,
                       "status": {"type": "string", "enum": ["draft", "submitted", "approved"]},
                       "basis": {"type": "string", "enum": ["reported", "rebuilt", "mixed"]},
                       "basis_label": string, "complete": boolean}),
    "ResultVersion": obj({"version": integer, "value": num, "status": string, "changed_by": string,
                          "changed_at": string, "reason": string}),
    "AuditEvent": obj({"at": string, "actor": string, "action": string, "old": anything, "new": anything}),
    "Meeting": obj({"id": integer, "held_on": date, "host": string, "unit": integer, "chair": string,
                    "attendees": {"type": "array", "items": string}, "documents": {"type": "array", "items": integer},
                    "conclusions": string}),
    "Progress": obj({"on": date, "actor": string, "note": string, "completes": boolean,
                     "evidence_document": nullable(integer), "evidence_result": nullable(integer)}),
    "Directive": obj({"id": integer, "meeting": nullable(integer), "issuer": string, "text": string,
                      "assignee": obj({"kind": {"type": "string", "enum": ["unit", "body", "person"]},
                                       # The name's matching key: short forms spelled out, folded ("uy ban nhan dan phuong …").
                                       "name": string, "key": string, "unit": nullable(integer)}),
                      # In the board's list: the unit it belongs to and the working session that issued it.
                      "source": obj({"unit": nullable(obj({"id": integer, "code": string, "name": string, "full_name": string},
                                                          ["id", "code", "name", "full_name"])),
                                     "meeting": nullable(obj({"id": integer, "held_on": date, "host": string},
                                                             ["id", "held_on", "host"]))}, ["unit", "meeting"]),
                      "cooperating": {"type": "array", "items": string}, "deadline": nullable(date),
                      # Deadlines before the final one ("báo cáo trước 25/11"), each delivered on done_on.
                      "milestones": {"type": "array", "items": ref("Milestone")},
                      # "thường xuyên": an ongoing duty without a final deadline.
                      "standing": boolean,
                      # The deadline to chase: the first milestone not delivered, else the final one.
                      "next_deadline": nullable(date), "next_due": string,
                      "completed_on": nullable(date), "indicator": nullable(string),
                      "state": {"type": "string", "enum": ["done_on_time", "done_late", "in_progress", "overdue",
                                                           "standing", "no_deadline"]},
                      "state_label": string, "days_left": integer,
                      "progress": {"type": "array", "items": ref("Progress")}},
                     ["id", "meeting", "issuer", "text", "assignee", "cooperating", "deadline", "milestones",
                      "standing", "next_deadline", "next_due", "completed_on", "indicator", "state", "state_label",
                      "progress"]),
    "Milestone": obj({"on": date, "what": string, "done_on": nullable(date)}, ["on", "what", "done_on"]),
    "User": obj({"username": string, "display_name": string, "email": string, "disabled": boolean,
                 "roles": {"type": "array", "items": ref("RoleGrant")}}),
    # The unit (null: every unit) by id, and by code, name and province as of today (null without a unit).
    "RoleGrant": obj({"role": {"type": "string", "enum": ["viewer", "reporter", "approver", "admin"]},
                      "unit": nullable(integer), "unit_code": nullable(string), "unit_name": nullable(string),
                      "unit_province": nullable(string)}),
    # What a client sends: the unit by its code ("06811") read on `on` (default today), or by its id as returned.
    "RoleGrantInput": obj({"role": {"type": "string", "enum": ["viewer", "reporter", "approver", "admin"]},
                           "unit": nullable({"anyOf": [integer, string]}), "on": date}, ["role"]),
    "Document": obj({"id": integer, "doc_type": string, "code": string, "title": string, "issued": nullable(date),
                     "unit": integer, "text": string}),
    # A figure read from a report; span is [begin, end) in UTF-8 bytes of the text.
    "Measure": obj({"index": integer, "span": {"type": "array", "items": integer}, "text": string, "subject": string,
                    "value": num, "unit": string, "total": nullable(num), "qualifier": string, "estimated": boolean,
                    "stance": {"type": "string", "enum": ["actual", "target"]}, "period": nullable(string),
                    "compare": {"type": "array", "items": obj({"relation": string, "percent": nullable(num),
                                                               "basis": string})},
                    "total_is_plan": {**boolean, "description": "'12/10 đảng viên': the value is the actual, the total its plan (a share never exceeds its whole); the figure is a count"},
                    "check": nullable(obj({"consistent": boolean, "computed": num, "stated": num, "message": string,
                                           "stated_by": {**nullable(integer), "description": "the index of the measure that states this fraction's percentage apart from it ('8/12 tổ …, đạt 75%'), or null when stated in the same phrase"}})),
                    # plan_check: what the report states against the plan ("đạt 97% kế hoạch") beside the
                    # target stored for the report's unit and the figure's year (null: nothing to check).
                    "suggestions": {"type": "array", "items": obj({"indicator": string, "name": string,
                                                                   "score": num,
                                                                   "plan_check": nullable(obj({
                                                                       "consistent": boolean, "stated": num,
                                                                       "computed": num, "target": num,
                                                                       "body_kind": string, "message": string}))})}}),
    "DirectiveFact": obj({"span": {"type": "array", "items": integer}, "text": string, "assignee": string,
                          "deadline": nullable(string)}),
    "Facts": obj({"measures": {"type": "array", "items": ref("Measure")},
                  "directives": {"type": "array", "items": ref("DirectiveFact")},
                  "docrefs": {"type": "array", "items": obj({"span": {"type": "array", "items": integer},
                                                             "doc_type": string, "code": string, "date": string})},
                  "persons": {"type": "array", "items": obj({"span": {"type": "array", "items": integer},
                                                             "name": string,
                                                             "titles": {"type": "array", "items": string}})},
                  "meeting": nullable(obj({"span": {"type": "array", "items": integer}, "date": string,
                                           "host": string, "unit": string, "chair": string}))}),
}
schemas["MeetingWithDirectives"] = obj({**schemas["Meeting"]["properties"],
                                        "directives": {"type": "array", "items": ref("Directive")}})
schemas["DirectiveInput"] = obj({"unit": integer, "meeting": nullable(integer), "issuer": string, "text": string,
                                 "assignee": obj({"kind": {"type": "string", "enum": ["unit", "body", "person"]},
                                                  "name": string, "unit": nullable(integer)}, ["name"]),
                                 "cooperating": {"type": "array", "items": string}, "deadline": nullable(date),
                                 "milestones": {"type": "array", "items": obj({"on": date, "what": string,
                                                                               "done_on": nullable(date)},
                                                                              ["on", "what"])},
                                 "standing": boolean, "indicator": nullable(string)}, ["text"])
schemas["OverdueGroup"] = obj({"name": string, "open": integer, "overdue": integer,
                               "items": {"type": "array", "items": ref("Directive")}})
schemas["ImportOutcome"] = obj({"file_name": string, "rows": integer, "stored": integer, "check_only": boolean,
                                "problems": {"type": "array", "items": obj({"sheet": string, "row": integer,
                                                                            "column": nullable(string),
                                                                            "message": string})},
                                "problem_count": integer,
                                "problems_by_column": {"type": "array", "items": obj({"column": nullable(string),
                                                                                      "count": integer})}})
schemas["DocumentWithFacts"] = obj({"document": ref("Document"), "facts": ref("Facts")})
# The approval inbox: per (unit, period) what waits for the caller (four eyes: never their own figures).
schemas["InboxPeriod"] = obj({"unit": ref("Unit"), "period": ref("Period"), "count": integer,
                              "oldest_submitted_at": string})
schemas["InboxFigure"] = obj({**schemas["Result"]["properties"], "indicator_info": ref("Indicator"),
                              "target": nullable(num), "last_year": nullable(num), "submitted_by": string,
                              "submitted_at": string})
# A figure sent back to the reporter who submitted it, until submitted again.
schemas["ReturnedFigure"] = obj({**schemas["Result"]["properties"], "indicator_info": ref("Indicator"),
                                 "unit_info": ref("Unit"), "comment": string, "returned_by": string,
                                 "returned_at": string})

# The completeness board: per unit below, its report's state for the period against the Decree 09 deadline.
report_state = {"type": "string", "enum": ["none", "returned", "draft", "submitted", "approved"]}
schemas["CompletenessRow"] = obj({"unit": ref("Unit"), "state": report_state, "state_label": string,
                                  "present": integer, "expected": integer, "late": boolean, "due": boolean,
                                  "last_change": nullable(string)})
schemas["Completeness"] = obj({"unit": ref("Unit"), "period": ref("Period"),
                               "deadline": obj({"cutoff": date, "send_by": date}), "today": date,
                               "counts": obj({k: integer for k in ["none", "returned", "draft", "submitted", "approved",
                                                                   "late", "due", "total"]}),
                               "items": {"type": "array", "items": ref("CompletenessRow")}})

errors = {str(c): {"description": d, "content": {"application/json": {"schema": ref("Error")}}}
          for c, d in [(400, "bad input"), (401, "not signed in"), (403, "outside the caller's scope, or no CSRF token"),
                       (404, "not found"), (409, "state conflict"), (413, "body too large"),
                       (415, "a body that is not application/json"), (429, "too many requests (failed sign-ins, imports); see Retry-After"),
                       (500, "the server failed; the message names the request id (X-Request-Id) its log line has"),
                       (503, "the database cannot be reached just now; retry after Retry-After seconds")]}

def op(summary, ok_schema, ok_code="200", params=(), body=None, tag=None):
    o = {"summary": summary, "responses": {ok_code: {"description": "ok", "content": {"application/json": {"schema": ok_schema}}}, **errors}}
    if params:
        o["parameters"] = [{"name": n, "in": "query" if not n.startswith("{") else "path",
                            "required": r, "schema": {"integer": integer, "boolean": boolean}.get(t, string)}
                           for n, t, r in params]
        for p in o["parameters"]:
            if p["in"] == "path":
                p["name"] = p["name"].strip("{}")
    if body:
        o["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if tag:
        o["tags"] = [tag]
    return o

def download(summary, types, params=(), tag=None):
    """An operation whose 200 is a file (its types), with the JSON errors of every route."""
    o = op(summary, string, params=params, tag=tag)
    o["responses"]["200"] = {"description": "the file, as an attachment (Content-Disposition)",
                             "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in types}}
    return o

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

def with_422(o):
    """An operation whose 422 answer has the same shape as its 200 (the problems found)."""
    o["responses"]["422"] = {"description": "problems found; nothing stored", "content": o["responses"]["200"]["content"]}
    return o

unit_q = ("unit", "integer", True)
period_q = ("period", "string", True)
unapproved_q = ("include_unapproved", "boolean", False)
country_q = ("unit", "integer", False)  # none or 0: the whole country
paging = [("page", "integer", False), ("page_size", "integer", False)]
idp = ("{id}", "integer", True)

paths = {
    "/auth/login": {"post": op("Sign in; sets the kd_session cookie", obj({"user": ref("User"), "csrf_token": string, "expires_in": integer}),
                               body=obj({"username": string, "password": string}), tag="auth")},
    "/auth/logout": {"post": op("Sign out", obj({"signed_out": boolean}), tag="auth")},
    "/auth/me": {"get": op("The signed-in user, and where their dashboard opens (home: a unit and its latest period with figures)",
                          obj({"user": ref("User"), "session_kind": string, "csrf_token": string,
                               "home": nullable(obj({"unit": integer, "period": nullable(string)}))}, ["user", "session_kind", "home"]), tag="auth")},
    "/auth/tokens": {"post": op("A new API token (shown once; lives 90 days; at most 20 per user)",
                                obj({"token": string, "id": string, "label": string, "created_at": string, "expires_at": string},
                                    ["token", "id", "label", "expires_at"]), "201", body=obj({"label": string}), tag="auth"),
                     "get": op("The caller's API tokens that still work (without their secrets)",
                               page(obj({"id": string, "label": string, "created_at": string, "expires_at": string}, ["id", "label", "expires_at"])),
                               params=paging, tag="auth")},
    "/auth/tokens/{id}": {"delete": op("Revoke one of the caller's API tokens", obj({"revoked": string}),
                                       params=[("{id}", "string", True)], tag="auth")},
    "/users": {"get": op("Users (admin)", page(ref("User")), params=paging, tag="auth"),
               "post": op("Create a user (admin)", ref("User"), "201", body=obj({"username": string, "password": string, "display_name": string, "email": string, "roles": {"type": "array", "items": ref("RoleGrantInput")}}, ["username", "password"]), tag="auth")},
    "/users/{username}/email": {"put": op("Set a user's e-mail address, where reminders go; \"\" removes it (admin). "
                                          "400 (field email) for a text that is not one address",
                                          ref("User"), params=[("{username}", "string", True)],
                                          body=obj({"email": string}, ["email"]), tag="auth")},
    "/users/{username}/roles": {"put": op("Replace a user's roles (admin)", ref("User"), params=[("{username}", "string", True)],
                                          body=obj({"roles": {"type": "array", "items": ref("RoleGrantInput")}}), tag="auth")},
    "/units": {"get": op("Units: roots, the children of ?parent=, or a search (?q=, with or without diacritics; units of ?on= first, then former ones with what they became), as of ?on=",
                         page(ref("Unit")), params=[("q", "string", False), ("parent", "integer", False), ("on", "string", False)] + paging, tag="units")},
    "/units/{code}/deadlines.ics": {"get": download("The open deadlines (milestones not delivered, final deadlines) of the directives of the unit with this code today and of the units below it, as an iCalendar feed (RFC 5545, all-day events, UID stable per directive and milestone). A calendar app sends no cookie: subscribe to the address with ?token= an API token (POST /auth/tokens), or send it as Authorization: Bearer; 401 for a bad token, 403 for a unit outside the token user's units, 404 for an unknown code", ["text/calendar"], params=[("{code}", "string", True), ("token", "string", False)], tag="directives")},
    "/units/{id}": {"get": op("One unit with its path from the root, named as of ?on=", ref("Unit"), params=[idp, ("on", "string", False)], tag="units")},
    "/indicators": {"get": op("The indicator catalogue", obj({"items": {"type": "array", "items": ref("Indicator")}, "total": integer}), tag="units")},
    "/plans": {"get": op("A unit's plans and targets", page(ref("Plan")), params=[unit_q] + paging, tag="plans"),
               "post": op("Create or replace a plan", ref("Plan"), "201", body=obj({"unit": integer, "body_kind": string, "first_year": integer, "last_year": integer, "assigned_by_superior": boolean, "resolution": string, "resolution_date": date, "targets": {"type": "array", "items": obj({"indicator": string, "year": integer, "comparator": string, "value": num, "value_high": nullable(num), "form": ref("TargetForm"), "adjusted": nullable(num), "adjusted_by": string}, ["indicator", "year", "value"])}}, ["unit", "body_kind", "first_year", "targets"]), tag="plans")},
    "/plans/export": {"get": download("A unit's plans and targets as .xlsx (ke-hoach-CODE.xlsx): a title row naming the unit, then one row per target "
                                      "with years, dates and targets as typed cells, or format=csv (UTF-8 with a BOM); POST /imports/plans reads either back unchanged",
                                      ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"], params=[unit_q, ("format", "string", False)], tag="plans")},
    "/results": {"get": op("A unit's results", page(ref("Result")), params=[unit_q, ("period", "string", False), ("indicator", "string", False), ("status", "string", False)] + paging, tag="results"),
                 "post": op("Enter a result (draft)", ref("Result"), "201", body=obj({"unit": integer, "indicator": string, "period": string, "value": num, "numerator": nullable(num), "denominator": nullable(num), "qualifier": string, "estimated": boolean}, ["unit", "indicator", "period", "value"]), tag="results")},
    "/results/{id}": {"get": op("One result", ref("Result"), params=[idp], tag="results")},
    "/results/{id}/history": {"get": op("Earlier values and every event", obj({"versions": {"type": "array", "items": ref("ResultVersion")}, "events": {"type": "array", "items": ref("AuditEvent")}}), params=[idp], tag="results")},
    "/results/{id}/submit": {"post": op("Submit for approval", ref("Result"), params=[idp], tag="results")},
    "/results/{id}/approve": {"post": op("Approve the version reviewed (not one's own; 409 when it changed)", ref("Result"), params=[idp], body=obj({"version": integer}, ["version"]), tag="results")},
    "/results/{id}/return": {"post": op("Send the version reviewed back with a comment (409 when it changed)", ref("Result"), params=[idp], body=obj({"version": integer, "comment": string}, ["version", "comment"]), tag="results")},
    "/results/{id}/reopen": {"post": op("Reopen the approved version reviewed (409 when it changed)", ref("Result"), params=[idp], body=obj({"version": integer, "reason": string}, ["version", "reason"]), tag="results")},
    "/inbox": {"get": op("What waits for the caller's approval, per unit and period, oldest first: units the caller may approve, figures the caller did not enter, change or submit; figures: the count of all of them",
                         {**page(ref("InboxPeriod")), "properties": {**page(ref("InboxPeriod"))["properties"], "figures": integer}, "required": ["items", "page", "page_size", "total", "figures"]},
                         params=paging, tag="results")},
    "/inbox/{unit_code}/{period}": {
        "get": op("One period's figures waiting for the caller, each with its version, target and same period last year (period keys with '/' as %2F)",
                  obj({"unit": ref("Unit"), "period": ref("Period"), "items": {"type": "array", "items": ref("InboxFigure")}}),
                  params=[("{unit_code}", "string", True), ("{period}", "string", True)], tag="results"),
        "post": op("Approve or send back (with a comment) every figure of the period waiting for the caller, at once, each at the version reviewed: "
                   "409 naming the figure when one changed, left submitted, or was submitted since (nothing is written)",
                   obj({"action": string, "count": integer, "unit": ref("Unit"), "period": ref("Period")}),
                   params=[("{unit_code}", "string", True), ("{period}", "string", True)],
                   body=obj({"action": {"type": "string", "enum": ["approve", "return"]},
                             "items": {"type": "array", "items": obj({"id": integer, "version": integer})},
                             "comment": string}, ["action", "items"]), tag="results")},
    "/returned": {"get": op("The caller's figures sent back and not submitted again, with the approver's comment, newest first",
                            page(ref("ReturnedFigure")), params=paging, tag="results")},
    "/evaluation": {"get": op("A unit's indicators for a period: target, result, % of the year's plan (no pro-rating), % or points against the same period, the verdict (the year's; chưa đạt inside it), the pace, summary. Approved figures only unless include_unapproved=true. plan=default|assigned|BODY_KIND chooses the reference plan. format=xlsx or csv downloads the same table (numbers as typed cells; CSV with a BOM)", ref("Evaluation"), params=[unit_q, period_q, ("indicator", "string", False), unapproved_q, ("plan", "string", False), ("format", "string", False)], tag="analytics")},
    "/rollup": {"get": op("Roll-up over a unit's subtree with how many units reported; without unit (or unit=0) the whole country, its provinces as the units counted (a role over every unit). indicator=CODE[,CODE] gives only those; format=xlsx or csv downloads it", ref("Rollup"), params=[country_q, period_q, ("indicator", "string", False), unapproved_q, ("format", "string", False)], tag="analytics")},
    "/compare": {"get": op("The units under a parent (without unit: the provinces) ranked on one indicator, best first, with how many reported", obj({"parent": ref("Unit"), "indicator": string, "expected": integer, "reporting": integer, "period": ref("Period"), "items": {"type": "array", "items": ref("CompareRow")}}), params=[country_q, period_q, ("indicator", "string", True), unapproved_q], tag="analytics")},
    "/trend": {"get": op("An indicator's results over years; for a unit formed in those years, the earlier periods rebuilt from the units it was formed from, and the day it was formed (boundary)", obj({"unit": integer, "indicator": string, "boundary": nullable(date), "items": {"type": "array", "items": ref("TrendPoint")}}), params=[unit_q, ("indicator", "string", True), ("from", "integer", False), ("to", "integer", False)], tag="analytics")},
    "/imports/results": {"post": with_422(op(
        "Import results from a .csv or .xlsx file (base64): with check_only, every problem by sheet, row and column and nothing stored; "
        "without, all rows stored or none. Each row's unit must be one the caller may enter results for. 422 when there are problems: "
        "the first 200 in full, problem_count and problems_by_column for all. 413 when the file is beyond the reader's limits "
        "(rows, cells, text, unpacked size); 429 when other imports keep the server busy",
        ref("ImportOutcome"),
        body=obj({"file_name": string, "content_base64": string, "check_only": boolean}, ["file_name", "content_base64"]), tag="results"))},
    "/imports/plans": {"post": with_422(op(
        "Import plans and their targets from a .csv or .xlsx file (base64) in the columns of GET /plans/export, one row per target; "
        "rows with the same unit, body and years form one plan, which replaces the stored one. With check_only, every problem by "
        "sheet, row and column and nothing stored; without, all plans stored or none (each change audited). Each row's unit must be "
        "one the caller may manage (approver or administrator over it); targets assigned from above, or a plan replacing such, need "
        "an approver above the unit or an administrator. 403 for a caller who may set plans nowhere; 422 when there are problems",
        ref("ImportOutcome"),
        body=obj({"file_name": string, "content_base64": string, "check_only": boolean}, ["file_name", "content_base64"]), tag="plans"))},
    "/documents": {"post": op("Post a report, as text or as a file (file_name and content_base64: a .docx, .pdf or .txt, its kind found from the bytes, its text read on the server; a file that cannot be read, a scan without text or a password-protected one is a 400 naming it and why, and nothing is stored): the facts found, with spans into the text and suggested indicators; its date (issued) is the reference date of the text, for dates written without a year (a url:/date: header in the text, else today, where none is given)", ref("DocumentWithFacts"), "201", body=obj({"unit": integer, "text": string, "file_name": string, "content_base64": string, "title": string, "doc_type": string, "code": string, "issued": date}, ["unit"]), tag="documents")},
    "/documents/{id}": {"get": op("A document and its facts", ref("DocumentWithFacts"), params=[idp], tag="documents")},
    "/documents/{id}/confirm": {"post": op("Keep chosen measures as draft results linked to their span", obj({"results": {"type": "array", "items": ref("Result")}}), "201", params=[idp], body=obj({"facts": {"type": "array", "items": obj({"measure": integer, "indicator": string, "period": string})}}), tag="documents")},
    "/meetings": {"get": op("A unit's working sessions", page(ref("Meeting")), params=[unit_q] + paging, tag="directives"),
                  "post": op("Record a working session with its directives", ref("MeetingWithDirectives"), "201", body=obj({"unit": integer, "held_on": date, "host": string, "chair": string, "attendees": {"type": "array", "items": string}, "conclusions": string, "documents": {"type": "array", "items": integer}, "directives": {"type": "array", "items": ref("DirectiveInput")}}, ["unit", "held_on", "host"]), tag="directives")},
    "/meetings/{id}": {"get": op("A working session with its directives", ref("MeetingWithDirectives"), params=[idp], tag="directives")},
    "/meetings/{id}/notice.docx": {"get": download("The working session's conclusion notice (thông báo kết luận) as .docx; 404 alike for a session that is missing and one outside the caller's units", [DOCX], params=[idp], tag="directives")},
    "/reports/unit/{code}": {"get": download("A unit's periodic report (báo cáo kết quả thực hiện chỉ tiêu, Decree 30 layout) for a period, by the unit's code as of that period: .docx, or PDF with format=pdf where the server has LibreOffice (else 409 saying so); 404 alike for a code that is missing and a unit outside the caller's", [DOCX, "application/pdf"], params=[("{code}", "string", True), period_q, ("format", "string", False), unapproved_q], tag="reports")},
    "/directives": {"get": op("Directives visible to the caller, overdue first, each with its source (unit, session); filters: assignee (matched as written, in short or full form, with or without diacritics: 'ubnd phuong' finds 'Ủy ban nhân dân phường …'), issuer, unit, state, open, overdue, due_within=N (open with the next deadline from today, Việt Nam time, to N days on: the 7-day reminder list is due_within=7)", {**page(ref("Directive")), "properties": {**page(ref("Directive"))["properties"], "counts": {"type": "object", "additionalProperties": integer}, "today": date}, "required": ["items", "page", "page_size", "total", "counts", "today"]},
                              params=[("assignee", "string", False), ("issuer", "string", False), ("unit", "integer", False), ("state", "string", False), ("open", "string", False), ("overdue", "string", False), ("due_within", "integer", False), ("on", "string", False)] + paging, tag="directives"),
                    "post": op("Create a directive", ref("Directive"), "201", body={**ref("DirectiveInput")}, tag="directives")},
    "/directives/overdue": {"get": op("Open and overdue directives per assignee and per issuing body", obj({"today": date, "by_assignee": {"type": "array", "items": ref("OverdueGroup")}, "by_issuer": {"type": "array", "items": ref("OverdueGroup")}}), tag="directives")},
    "/directives/{id}": {"get": op("A directive with its progress and history", ref("Directive"), params=[idp], tag="directives"),
                         "patch": op("Change a directive", ref("Directive"), params=[idp], body=ref("DirectiveInput"), tag="directives")},
    "/directives/{id}/progress": {"post": op("Add a dated progress note; completes: true marks it done", ref("Directive"), "201", params=[idp], body=obj({"note": string, "completes": boolean, "on": date, "evidence_document": integer, "evidence_result": integer}, []), tag="directives")},
}

paths["/inbox/{unit_code}/{first_month}/{last_month}"] = {
    m: {**o, "summary": o["summary"] + "; a period of several months written as two segments (2026-01/2026-10)",
        "parameters": [{"name": n, "in": "path", "required": True, "schema": string} for n in ("unit_code", "first_month", "last_month")]}
    for m, o in paths["/inbox/{unit_code}/{period}"].items()}

paths["/compare/table"] = {"get": op(
    "The units below a unit × indicators for a period (result, target, % of plan, % of same period, verdict, approved) "
    "with the sum of the units; format=xlsx or csv downloads the same table (Content-Disposition names the file)",
    ref("CompareTable"), params=[country_q, period_q, ("indicators", "string", False), unapproved_q, ("format", "string", False)],
    tag="analytics")}
for sheet_path in ("/compare/table", "/evaluation", "/rollup"):
    paths[sheet_path]["get"]["responses"]["200"]["content"].update({
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
        "text/csv": {"schema": {"type": "string", "format": "binary"}}})

paths["/completeness"] = {"get": op(
    "Which units directly below a unit (those of the period's last day) have reported a period: state none (no figure), "
    "returned (one sent back), draft (one not submitted), submitted (all submitted or approved) or approved (all); "
    "figures present and expected (the indicators the unit has a target for that year, else the whole catalogue); "
    "late (the sending deadline passed, not submitted) and due (within 3 days of it); the deadline (Decree 09: data "
    "cut-off, sending day 25 of the period's last month) and counts. ?on=dd/mm/yyyy reads it as of that day. "
    "format=xlsx downloads the list as Excel (the counts as typed number cells), format=csv (or Accept: text/csv) "
    "as CSV (UTF-8 with a BOM, Vietnamese headers)",
    ref("Completeness"), params=[unit_q, period_q, ("format", "string", False), ("on", "string", False)],
    tag="results")}
paths["/completeness"]["get"]["responses"]["200"]["content"].update({
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
    "text/csv": {"schema": {"type": "string", "format": "binary"}}})
sent_reminders = obj({"unit": ref("Unit"), "period": ref("Period"), "send_by": date, "count": integer,
                      "email": obj({"relay": boolean, "sent": integer, "failed": integer, "without_address": integer}),
                      "items": {"type": "array", "items": obj({"id": integer, "unit": ref("Unit"), "late": boolean,
                                                               "emailed_to": {"type": "array", "items": string},
                                                               "email_error": nullable(string)})}})
paths["/completeness/reminders"] = {"post": op(
    "Remind each unit below that is late or due with the period's report (as the board shows it, ?on= alike): one "
    "reminder per unit, each audited, that its reporters see (GET /reminders) and, when the server has an SMTP relay "
    "(serve --smtp), an e-mail to the reporters and approvers of that unit with an address; a relay that does not "
    "take a mail loses no reminder (email_error says why). An approver of the unit; 201 with "
    "the units reminded, 200 with count 0 when none is late or due",
    sent_reminders, params=[("on", "string", False)], body=obj({"unit": integer, "period": string}), tag="results")}
paths["/completeness/reminders"]["post"]["responses"]["201"] = paths["/completeness/reminders"]["post"]["responses"]["200"]
schemas["Reminder"] = obj({"id": integer, "unit": ref("Unit"), "from_unit": ref("Unit"), "period": ref("Period"),
                           "send_by": date, "late": boolean, "sent_by": string, "sent_at": string,
                           "state": report_state, "state_label": string, "open": boolean})
paths["/reminders"] = {"get": op(
    "Reminders to the units the caller enters figures for (their reporter and approver grants), the newest per unit "
    "and period, newest first, each with the report's state now; open: not yet submitted (the count of those too)",
    {**page(ref("Reminder")), "properties": {**page(ref("Reminder"))["properties"], "open": integer},
     "required": ["items", "page", "page_size", "total", "open"]}, params=paging, tag="results")}

doc = {
    "openapi": "3.0.3",
    "info": {"title": "kiemdem API", "version": "1",
             "description": "Theo dõi, kiểm đếm kết quả thực hiện chỉ tiêu. Errors are {\"error\": {code, message, field, request_id}}; "
                            "messages follow Accept-Language (vi by default, en). Cookie sessions send X-CSRF-Token on writes; "
                            "API tokens use Authorization: Bearer."},
    "servers": [{"url": "/api/v1"}],
    "components": {"schemas": schemas,
                   "securitySchemes": {"cookie": {"type": "apiKey", "in": "cookie", "name": "kd_session"},
                                       "bearer": {"type": "http", "scheme": "bearer"}}},
    "security": [{"cookie": []}, {"bearer": []}],
    "paths": paths,
}
out = os.path.join(os.path.dirname(__file__), "..", "src", "api", "openapi.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
