"""The dialogue's own titles for Q&A buttons, marked for the text catalogue (domain "dialogue"; the
translations are in catalog/locale/*/LC_MESSAGES/dialogue.po). Answers are not here: they come from
knowledge.ask and knowledge.render_reply."""

from __future__ import annotations

from catalog import N_

TOPIC_TITLES = {
    "temporary_residence": N_("Temporary residence"),
    "work_permit": N_("Work permit"),
    "criminal_record": N_("Criminal record"),
    "health_check": N_("Health check"),
    "reporting": N_("Reporting duties"),
    "inspection": N_("Inspections"),
    "complaints": N_("Complaints"),
    "investment": N_("Investment"),
    "visa_residence_card": N_("Visa and residence card"),
    "social_insurance": N_("Social insurance"),
    "delegations": N_("Delegations and events"),
    "service_sellers": N_("Service sellers"),
}

ZONE_TITLES = {
    "inside": N_("Inside an industrial / high-tech zone"),
    "outside": N_("Outside those zones"),
}

# The provinces with a decree on file come first; any other province can be typed. Names stay Vietnamese.
PROVINCE_BUTTONS = ("Hà Nội", "Bắc Ninh", "Hà Nam", "Lai Châu")
