"""Matrix: appservice transactions and the synapse-http-antispam spam check."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from adapter_helpers import HOLD_TEXT, FixedClock, RecordingDecider, fixture_bytes, request

from intimacy_rules.adapters import MatrixAdapter, MatrixSettings, ReplayCache, handle_request
from intimacy_rules.adapters.base import InboundRequest

HS_TOKEN = "hs-token-from-the-registration"
SPAM_TOKEN = "antispam-authorization"
BASE = "https://rules.example.org/adapters/matrix/default"


def transaction(
    body: bytes, txn: str = "35", *, token: str | None = HS_TOKEN, query: str = ""
) -> InboundRequest:
    hdrs = {"Content-Type": "application/json"}
    if token is not None:
        hdrs["Authorization"] = f"Bearer {token}"
    return request(
        body,
        hdrs,
        url=f"{BASE}/_matrix/app/v1/transactions/{txn}{query}",
        method="PUT",
        hook="transactions",
        path_params={"txnId": txn},
    )


def spam_check(body: bytes, callback: str = "check_event_for_spam", token: str = SPAM_TOKEN):  # type: ignore[no-untyped-def]
    return request(
        body,
        {"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        url=f"{BASE}/antispam/{callback}",
        hook="antispam",
        path_params={"callback": callback},
    )


@pytest.fixture
def adapter(clock: FixedClock) -> MatrixAdapter:
    return MatrixAdapter(MatrixSettings(hs_token=HS_TOKEN, antispam_token=SPAM_TOKEN), clock=clock)


def test_transaction_decides_its_text_messages_only(adapter: MatrixAdapter) -> None:
    decide = RecordingDecider()
    reply = handle_request(adapter, transaction(fixture_bytes("matrix_transaction.json")), decide)
    assert (reply.status, json.loads(reply.body)) == (200, {})
    (event,) = decide.events  # the m.room.member state event is skipped
    assert (event.id, event.conversation_id, event.sender, event.kind) == (
        "$message-1:example.org",
        "!couple:example.org",
        "@hana:example.org",
        "message",
    )


def test_a_retried_txn_id_is_a_no_op(adapter: MatrixAdapter) -> None:
    decide = RecordingDecider()
    seen = ReplayCache(ttl=timedelta(days=1))
    body = fixture_bytes("matrix_transaction.json")
    for _ in range(2):
        reply = handle_request(adapter, transaction(body), decide, seen=seen, scope="default")
        assert reply.status == 200
    assert len(decide.events) == 1
    handle_request(adapter, transaction(body, txn="36"), decide, seen=seen, scope="default")
    assert len(decide.events) == 2


@pytest.mark.parametrize(
    ("token", "query", "status", "errcode"),
    [
        (None, "", 401, "M_UNAUTHORIZED"),
        ("wrong-token", "", 403, "M_FORBIDDEN"),
        (HS_TOKEN, "?access_token=wrong-token", 403, "M_FORBIDDEN"),
        (None, "?access_token=wrong-token", 403, "M_FORBIDDEN"),
    ],
    ids=["missing", "wrong-header", "header-and-wrong-query", "wrong-legacy-query"],
)
def test_forged_transactions_are_refused(
    adapter: MatrixAdapter, token: str | None, query: str, status: int, errcode: str
) -> None:
    decide = RecordingDecider()
    req = transaction(fixture_bytes("matrix_transaction.json"), token=token, query=query)
    reply = handle_request(adapter, req, decide)
    assert reply.status == status
    assert json.loads(reply.body)["errcode"] == errcode
    assert decide.events == []


def test_legacy_access_token_query_parameter_is_accepted(adapter: MatrixAdapter) -> None:
    req = transaction(
        fixture_bytes("matrix_transaction.json"), token=None, query=f"?access_token={HS_TOKEN}"
    )
    assert handle_request(adapter, req, RecordingDecider()).status == 200


def test_malformed_transaction_is_400_bad_json(adapter: MatrixAdapter) -> None:
    reply = handle_request(adapter, transaction(b'{"events": {}}'), RecordingDecider())
    assert (reply.status, json.loads(reply.body)["errcode"]) == (400, "M_BAD_JSON")
    reply = handle_request(adapter, transaction(b"not json"), RecordingDecider())
    assert (reply.status, json.loads(reply.body)["errcode"]) == (400, "M_NOT_JSON")


def test_a_broken_event_does_not_block_the_rest_of_the_transaction(
    adapter: MatrixAdapter,
) -> None:
    payload = json.loads(fixture_bytes("matrix_transaction.json"))
    payload["events"].insert(0, {"type": "m.room.message", "content": {"body": "no ids"}})
    decide = RecordingDecider()
    reply = handle_request(adapter, transaction(json.dumps(payload).encode()), decide)
    assert reply.status == 200
    assert [e.id for e in decide.events] == ["$message-1:example.org"]


def test_transaction_without_messages_is_acknowledged(adapter: MatrixAdapter) -> None:
    payload = json.loads(fixture_bytes("matrix_transaction.json"))
    payload["events"] = payload["events"][:1]
    decide = RecordingDecider()
    reply = handle_request(adapter, transaction(json.dumps(payload).encode()), decide)
    assert reply.status == 200
    assert decide.events == []


def test_spam_check_allows_what_nothing_holds(adapter: MatrixAdapter) -> None:
    decide = RecordingDecider()
    reply = handle_request(adapter, spam_check(fixture_bytes("matrix_spam_check.json")), decide)
    assert (reply.status, json.loads(reply.body)) == (200, {})
    assert decide.events[0].kind == "pre_send"


def test_spam_check_refuses_a_held_message_with_the_hold_text(adapter: MatrixAdapter) -> None:
    reply = handle_request(
        adapter, spam_check(fixture_bytes("matrix_spam_check.json")), RecordingDecider(hold=True)
    )
    assert reply.status == 403
    assert json.loads(reply.body) == {"errcode": "M_FORBIDDEN", "error": HOLD_TEXT}


def test_spam_check_with_the_wrong_token_is_refused(adapter: MatrixAdapter) -> None:
    req = spam_check(fixture_bytes("matrix_spam_check.json"), token=HS_TOKEN)
    decide = RecordingDecider()
    assert handle_request(adapter, req, decide).status == 403
    assert decide.events == []


def test_spam_check_is_off_without_its_token(clock: FixedClock) -> None:
    adapter = MatrixAdapter(MatrixSettings(hs_token=HS_TOKEN), clock=clock)
    req = spam_check(fixture_bytes("matrix_spam_check.json"))
    assert handle_request(adapter, req, RecordingDecider()).status == 403


def test_other_callbacks_are_allowed_and_ping_echoes(adapter: MatrixAdapter) -> None:
    decide = RecordingDecider()
    body = json.dumps({"inviter": "@a:x", "invitee": "@b:x", "room_id": "!r:x"}).encode()
    assert handle_request(adapter, spam_check(body, "user_may_invite"), decide).status == 200
    reply = handle_request(adapter, spam_check(b'{"id": "abc"}', "ping"), decide)
    assert json.loads(reply.body) == {"id": "abc", "status": "ok"}
    assert decide.events == []


def test_unknown_appservice_route_is_m_unrecognized(adapter: MatrixAdapter) -> None:
    req = request(
        b"",
        {"Authorization": f"Bearer {HS_TOKEN}"},
        url=f"{BASE}/_matrix/app/v1/thirdparty/protocol/irc",
        method="GET",
        hook="unrecognized",
    )
    reply = handle_request(adapter, req, RecordingDecider())
    assert (reply.status, json.loads(reply.body)["errcode"]) == (404, "M_UNRECOGNIZED")
