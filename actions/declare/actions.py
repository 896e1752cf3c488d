"""Declare-a-guest actions: start, register, summary, file (or queue), corrections, another guest,
listing, cancelling, and announcing what the outbox worker filed later.

`declare_route` tells the rules what comes next: guest (run the guest form), register (run the
registration form), summary (wait for confirm/correct/cancel), choose_field, done, unavailable.
"""

from __future__ import annotations

import json
import logging
import uuid
from abc import abstractmethod
from typing import Any, ClassVar

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.declare import parsing, texts
from actions.declare.declaration import (
    GUEST_FIELDS,
    GUEST_SLOTS,
    SKIPPED,
    clear_personal_data,
    declaration_body,
    establishment_body,
    slots_for_errors,
)
from actions.declare.errors import IntakeRejected, IntakeUnavailable, OutboxError
from actions.declare.forms import DeclareFormValidation
from actions.declare.identity import idempotency_key, mask_document
from actions.declare.intake import IntakeClient
from actions.declare.outbox import Outbox
from actions.declare.receipts import deadline_status, filed_message, hours
from actions.safety import SafeAction
from catalog import N_, translator
from declaration_spec.receipts import find_in_text

logger = logging.getLogger(__name__)
_t = translator("declare")

ROUTE = "declare_route"
FORM_ID = "declare_form_id"
NOTHING = "—"  # an optional answer left out
STATUSES = {"received": N_("received"), "amended": N_("amended"), "cancelled": N_("cancelled")}


def _lang(tracker: Tracker) -> str | None:
    return tracker.get_slot("language")


def _route(value: str | None) -> SlotSet:
    return SlotSet(ROUTE, value)


def _errors_text(detail: list[dict[str, Any]], language: str | None) -> str:
    return "\n".join(f"• {texts.api_message(item, language)}" for item in detail)


def _with_errors(head: str, detail: list[dict[str, Any]], language: str | None) -> str:
    return f"{head}\n{_errors_text(detail, language)}"


def _next_buttons(language: str | None) -> list[dict[str, str]]:
    return [
        {"title": _t("Another guest", language), "payload": "/another_guest"},
        {"title": _t("My declarations", language), "payload": "/list_declarations"},
    ]


def _new_form() -> list[EventType]:
    return [SlotSet(FORM_ID, uuid.uuid4().hex), *clear_personal_data()]


Events = list[EventType]


class DeclareAction(SafeAction):
    """Base of the declare actions: the action's NAME, and `act` with the host's language."""

    NAME: ClassVar[str]

    def name(self) -> str:
        return self.NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        return await self.act(dispatcher, tracker, _lang(tracker))

    @abstractmethod
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        """What the action does and says."""


class ActionStartDeclaration(DeclareAction):
    """A new guest: find out (GET /v1/me) whether this chat is linked to an establishment."""

    NAME = "action_start_declaration"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        return [*_new_form(), *await route_for_new_guest(dispatcher, tracker)]


async def route_for_new_guest(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    lang = _lang(tracker)
    known = tracker.get_slot("declare_establishment")
    try:
        me = await IntakeClient(tracker.sender_id).me()
    except IntakeUnavailable:
        if known:  # linked before: take the details now, the outbox files them later
            dispatcher.utter_message(
                text=_t(
                    "The police intake service is not answering right now; I'll take the details and file them as soon as it is back.",
                    lang,
                )
            )
            return [_route("guest")]
        dispatcher.utter_message(
            text=_t(
                "The police intake service is not answering right now, and I need it once to register your establishment. Please try again in a few minutes.",
                lang,
            )
        )
        return [_route("unavailable")]
    except IntakeRejected as error:
        dispatcher.utter_message(text=_errors_text(error.detail, lang))
        return [_route("unavailable")]
    establishment = me.get("establishment")
    if not establishment:
        dispatcher.utter_message(
            text=_t("First, let's register your establishment (only once). Then we declare the guest.", lang)
        )
        return [SlotSet("declare_establishment", None), _route("register")]
    name = str(establishment.get("name"))
    dispatcher.utter_message(
        text=_t(
            'Let\'s declare your guest at {establishment}. You can type "stop" at any time.',
            lang,
            establishment=name,
        )
    )
    return [SlotSet("declare_establishment", name), _route("guest")]


class ActionRegisterEstablishment(DeclareAction):
    """POST /v1/establishments with the chat account header: registers and links in one step."""

    NAME = "action_register_establishment"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        try:
            answer = await IntakeClient(tracker.sender_id).register_establishment(establishment_body(tracker))
        except IntakeUnavailable:
            dispatcher.utter_message(
                text=_t(
                    "The police intake service is not answering right now. Please try again in a few minutes.",
                    lang,
                )
            )
            return [_route("unavailable")]  # answers kept: the next "declare" finishes the registration
        except IntakeRejected as error:
            if error.status == 409:
                dispatcher.utter_message(
                    text=_t(
                        "This chat is already linked to an establishment; let's declare your guest.", lang
                    )
                )
                return [_route("guest")]
            dispatcher.utter_message(
                text=_with_errors(
                    _t("The intake service did not accept the registration:", lang), error.detail, lang
                )
            )
            wrong = slots_for_errors(error.detail, establishment=True)
            if not wrong:
                return [_route("unavailable")]
            return [*(SlotSet(slot, None) for slot in wrong), _route("register")]
        est = answer.get("establishment") or {}
        dispatcher.utter_message(
            text=_t(
                "Registered: {name}, {province}. Declarations there must be filed within {hours} hours of arrival.",
                lang,
                name=est.get("name"),
                province=est.get("province_name"),
                hours=est.get("deadline_hours", 12),
            )
        )
        dispatcher.utter_message(
            text=_t(
                'Let\'s declare your guest at {establishment}. You can type "stop" at any time.',
                lang,
                establishment=est.get("name"),
            )
        )
        return [SlotSet("declare_establishment", est.get("name")), _route("guest")]


def summary_lines(tracker: Tracker, language: str | None) -> list[str]:
    """One line per field the chat asked, labelled and in its order as the spec defines them. Values are
    shown in full (document number too): it is the host's own chat, checking against the passport."""
    lines = []
    for field in GUEST_FIELDS:
        value = tracker.get_slot(field.slot)
        if value in (None, "", SKIPPED):
            shown = NOTHING
        elif field.kind == "moment":
            shown = parsing.format_moment(value)
        elif field.kind == "date":
            shown = parsing.format_date(value)
        else:
            shown = str(value)
        lines.append(f"• {texts.label(field.slot, language)}: {shown}")
    return lines


class ActionShowDeclarationSummary(DeclareAction):
    """Dry-run the declaration on the API, then show it with confirm / correct / cancel buttons."""

    NAME = "action_show_declaration_summary"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        body = declaration_body(tracker)
        if body is None:
            return [_route("guest")]
        deadline = ""
        try:
            check = await IntakeClient(tracker.sender_id).validate_declaration(body)
            limit = check.get("deadline_hours", 12)
            status = (
                _t("past the {limit}-hour limit", lang, limit=limit)
                if check.get("late")
                else _t("within the {limit}-hour limit", lang, limit=limit)
            )
            deadline = _t(
                "Filed now, this is {hours} h after arrival: {status}.",
                lang,
                hours=hours(check.get("hours_after_arrival")),
                status=status,
            )
        except IntakeUnavailable:
            pass  # filing will queue it; nothing to check against now
        except IntakeRejected as error:
            wrong = slots_for_errors(error.detail)
            if wrong:
                dispatcher.utter_message(
                    text=_with_errors(
                        _t("The intake service found a problem; let's fix it:", lang), error.detail, lang
                    )
                )
                return [*(SlotSet(slot, None) for slot in wrong), _route("guest")]
            dispatcher.utter_message(text=_errors_text(error.detail, lang))
            return [_route("unavailable")]
        text = "\n".join(
            [_t("Please check the declaration:", lang), *summary_lines(tracker, lang)]
            + ([deadline] if deadline else [])
        )
        dispatcher.utter_message(
            text=text,
            buttons=[
                {"title": _t("Confirm and file", lang), "payload": "/confirm_declaration"},
                {"title": _t("Correct a field", lang), "payload": "/correct_declaration"},
                {"title": _t("Cancel", lang), "payload": "/stop"},
            ],
        )
        return [_route("summary")]


class ActionFileDeclaration(DeclareAction):
    """File with an idempotency key from this conversation and form instance; queue it when the API is down."""

    NAME = "action_file_declaration"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        form_id = tracker.get_slot(FORM_ID)
        if form_id and form_id == tracker.get_slot("declare_filed_form_id"):
            receipt = tracker.get_slot("declare_last_receipt")
            said = (
                _t("This declaration is already filed: receipt {receipt}.", lang, receipt=receipt)
                if receipt
                else _t("This declaration is already queued; you'll get the receipt here.", lang)
            )
            dispatcher.utter_message(text=said, buttons=_next_buttons(lang))
            return []
        body = declaration_body(tracker)
        if body is None or not form_id:
            dispatcher.utter_message(
                text=_t(
                    'There is no declaration waiting for confirmation. Say "declare a guest" to start one.',
                    lang,
                )
            )
            return [_route("done")]
        key = idempotency_key(tracker.sender_id, form_id)
        group = [
            SlotSet("declare_group_arrival", body["arrival_at"]),
            SlotSet("declare_group_stay", body["stay_until"]),
            SlotSet("declare_filed_form_id", form_id),
        ]
        masked = mask_document(body["guest"]["document_number"])
        try:
            answer = await IntakeClient(tracker.sender_id).file_declaration(body, key)
        except IntakeUnavailable:
            try:
                Outbox().enqueue(tracker.sender_id, key, body, lang or "en")
            except OutboxError:
                logger.exception("outbox write failed for document %s", masked)
                dispatcher.utter_message(
                    text=_t(
                        "The police intake service is not answering right now. Please try again in a few minutes.",
                        lang,
                    )
                )
                return [_route("summary")]  # nothing lost: the answers stay, the host can confirm again
            logger.info("declaration queued (document %s)", masked)
            dispatcher.utter_message(
                text=_t(
                    "The police intake service is not answering right now. Your declaration is saved and queued: I'll file it as soon as the service is back and send the receipt here. No need to send it again.",
                    lang,
                ),
                buttons=_next_buttons(lang),
            )
            return [*group, SlotSet("declare_last_receipt", None), *clear_personal_data(), _route("done")]
        except IntakeRejected as error:
            wrong = slots_for_errors(error.detail)
            dispatcher.utter_message(
                text=_with_errors(_t("The intake service refused the declaration:", lang), error.detail, lang)
            )
            if wrong and error.status == 422:
                return [*(SlotSet(slot, None) for slot in wrong), _route("guest")]
            return [_route("summary")]
        logger.info("declaration filed: %s (document %s)", answer.get("receipt_code"), masked)
        dispatcher.utter_message(text=filed_message(answer, lang), buttons=_next_buttons(lang))
        return [
            *group,
            SlotSet("declare_last_receipt", answer.get("receipt_code")),
            *clear_personal_data(),
            _route("done"),
        ]


class ActionAnotherGuest(DeclareAction):
    """The next guest of a family or group: same establishment, same arrival and stay dates."""

    NAME = "action_another_guest"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        arrival, stay = tracker.get_slot("declare_group_arrival"), tracker.get_slot("declare_group_stay")
        events = [*_new_form(), *await route_for_new_guest(dispatcher, tracker)]
        if arrival and stay and _route("guest") in events:
            dispatcher.utter_message(
                text=_t(
                    'Next guest at the same place, arriving {arrival} and staying until {stay}. (Use "correct" on the summary to change those.)',
                    lang,
                    arrival=parsing.format_moment(arrival),
                    stay=parsing.format_date(stay),
                )
            )
            events += [SlotSet("guest_arrival_at", arrival), SlotSet("guest_stay_until", stay)]
        return events


class ActionCorrectDeclaration(DeclareAction):
    """`/correct_declaration` lists the fields; `/correct_declaration{"declare_field": ...}` reopens one."""

    NAME = "action_correct_declaration"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        field = next(tracker.get_latest_entity_values("declare_field"), None)
        if field in GUEST_SLOTS:
            return [SlotSet(field, None), _route("guest")]
        if declaration_body(tracker) is None:
            dispatcher.utter_message(
                text=_t(
                    'There is no declaration waiting for confirmation. Say "declare a guest" to start one.',
                    lang,
                )
            )
            return [_route("done")]
        buttons = [
            {"title": texts.label(slot, lang), "payload": f'/correct_declaration{{"declare_field":"{slot}"}}'}
            for slot in GUEST_SLOTS
        ]
        dispatcher.utter_message(text=_t("Which field should I change?", lang), buttons=buttons)
        return [_route("choose_field")]


class ActionDiscardDeclaration(DeclareAction):
    NAME = "action_discard_declaration"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        dispatcher.utter_message(
            text=_t(
                "Declaration cancelled; nothing was filed and the details you typed are deleted.",
                lang,
            )
        )
        return [
            *clear_personal_data(),
            SlotSet(FORM_ID, None),
            _route("done"),
            SlotSet("requested_slot", None),
        ]


class ActionListDeclarations(DeclareAction):
    NAME = "action_list_declarations"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        try:
            items = await IntakeClient(tracker.sender_id).list_declarations(limit=5)
        except IntakeUnavailable:
            dispatcher.utter_message(
                text=_t(
                    "The police intake service is not answering right now. Please try again in a few minutes.",
                    lang,
                )
            )
            return []
        except IntakeRejected as error:
            said = (
                _t(
                    'This chat is not linked to an establishment yet. Say "declare a guest" to register it.',
                    lang,
                )
                if error.status == 403
                else _errors_text(error.detail, lang)
            )
            dispatcher.utter_message(text=said)
            return []
        if not items:
            dispatcher.utter_message(text=_t('No declarations yet. Say "declare a guest" to file one.', lang))
            return []
        lines, buttons = [_t("Your latest declarations:", lang)], []
        for item in items:
            guest = item.get("guest") or {}
            status = _t(STATUSES.get(str(item.get("status")), N_("received")), lang)
            arrival = parsing.format_moment(str(item.get("arrival_at", ""))[:16])
            lines.append(
                f"• {item.get('receipt_code')} · {guest.get('full_name', '')} · {arrival} · {status}"
            )
            if item.get("status") != "cancelled":
                receipt = item.get("receipt_code")
                buttons.append(
                    {
                        "title": _t("Cancel {receipt}", lang, receipt=receipt),
                        "payload": f'/cancel_declaration{{"cancel_receipt":"{receipt}"}}',
                    }
                )
        dispatcher.utter_message(text="\n".join(lines), buttons=buttons[:5])
        return []


class ValidateCancelDeclarationForm(DeclareFormValidation):
    def name(self) -> str:
        return "validate_cancel_declaration_form"

    async def validate_cancel_receipt(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        receipt = find_in_text(str(value or ""))
        if receipt is None:
            dispatcher.utter_message(response="utter_cancel_receipt_invalid")
            return {"cancel_receipt": None}
        return {"cancel_receipt": receipt}

    async def validate_cancel_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        reason = " ".join(str(value or "").split())
        if not 3 <= len(reason) <= 500:
            dispatcher.utter_message(response="utter_cancel_reason_invalid")
            return {"cancel_reason": None}
        return {"cancel_reason": reason}


class ActionCancelDeclaration(DeclareAction):
    NAME = "action_cancel_declaration"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        receipt, reason = tracker.get_slot("cancel_receipt"), tracker.get_slot("cancel_reason")
        cleared = [SlotSet("cancel_receipt", None), SlotSet("cancel_reason", None)]
        try:
            await IntakeClient(tracker.sender_id).cancel_declaration(str(receipt), str(reason))
        except IntakeUnavailable:
            dispatcher.utter_message(
                text=_t(
                    "The police intake service is not answering right now. Please try again in a few minutes.",
                    lang,
                )
            )
            return cleared
        except IntakeRejected as error:
            dispatcher.utter_message(
                text=_with_errors(
                    _t("Could not cancel {receipt}:", lang, receipt=receipt), error.detail, lang
                )
            )
            return cleared
        dispatcher.utter_message(
            text=_t(
                "Declaration {receipt} is cancelled. Reason on record: {reason}",
                lang,
                receipt=receipt,
                reason=reason,
            )
        )
        return cleared


class ActionAnnounceQueuedResult(DeclareAction):
    """Run by the outbox worker's EXTERNAL_declaration_filed trigger: the host learns the queued outcome."""

    NAME = "action_announce_queued_result"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str | None) -> Events:
        raw = next(tracker.get_latest_entity_values("declare_outcome"), None)
        try:
            outcome = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
        except (TypeError, ValueError):
            outcome = {}
        name = outcome.get("full_name") or "?"
        if outcome.get("receipt_code"):
            dispatcher.utter_message(
                text=_t(
                    "Your queued declaration for {name} is now filed ✓ Receipt code: {receipt}\n{deadline}",
                    lang,
                    name=name,
                    receipt=outcome["receipt_code"],
                    deadline=deadline_status(outcome, lang),
                ),
                buttons=_next_buttons(lang),
            )
            return [SlotSet("declare_last_receipt", outcome["receipt_code"])]
        reason = " ".join(texts.api_message(item, lang) for item in outcome.get("detail") or [])
        dispatcher.utter_message(
            text=_t(
                "Your queued declaration for {name} was refused by the intake service: {reason} Please declare this guest again with the corrected details.",
                lang,
                name=name,
                reason=reason,
            )
        )
        return []
