"""The fixed vocabularies every part of RightsPath shares (docs/CONTRACTS.md §2)."""

STAGES: tuple[str, ...] = (
    "first_contact",
    "police_interview",
    "individual_assessment",
    "support_services",
    "prosecution",
    "court",
    "after_trial",
)

STAGE_LABELS: dict[str, str] = {
    "first_contact": "First contact",
    "police_interview": "Police interview",
    "individual_assessment": "Individual assessment",
    "support_services": "Support services",
    "prosecution": "Decision to prosecute",
    "court": "Court",
    "after_trial": "After the trial",
}

ROLES: tuple[str, ...] = (
    "police_officer",
    "prosecutor",
    "judge",
    "lawyer",
    "special_representative",
    "guardian",
    "social_worker",
    "psychologist",
    "doctor",
    "teacher",
    "interpreter",
    "support_worker",
    "court_staff",
    "mediator",
    "digital_forensics",
    "school_counsellor",
)

ROLE_LABELS: dict[str, str] = {
    "police_officer": "Police officer",
    "prosecutor": "Prosecutor",
    "judge": "Judge",
    "lawyer": "Lawyer",
    "special_representative": "Special representative",
    "guardian": "Guardian",
    "social_worker": "Social worker",
    "psychologist": "Psychologist",
    "doctor": "Doctor",
    "teacher": "Teacher",
    "interpreter": "Interpreter",
    "support_worker": "Victim support worker",
    "court_staff": "Court staff",
    "mediator": "Mediator",
    "digital_forensics": "Digital forensics officer",
    "school_counsellor": "School counsellor",
}

LOCATIONS: tuple[str, ...] = (
    "school",
    "police_station",
    "interview_room",
    "office",
    "prosecutor_office",
    "courtroom",
    "court_waiting",
    "support_centre",
    "shelter",
    "home",
    "street",
    "clinic",
    "video_link",
    "cyber_unit",
    "counsellor_room",
)

PORTRAITS: tuple[str, ...] = (
    "girl_child",
    "boy_teen",
    "child_small",
    "mother",
    "father",
    "relative_man",
    "officer_woman",
    "officer_man",
    "social_worker",
    "psychologist",
    "prosecutor",
    "judge",
    "lawyer",
    "guardian",
    "teacher",
    "doctor",
    "interpreter",
    "support_worker",
    "narrator",
    "girl_teen",
    "counsellor",
    "forensics_officer",
)

MOODS: tuple[str, ...] = ("neutral", "worried", "sad", "relieved", "calm", "stern", "warm", "withdrawn")

OUTCOMES: tuple[str, ...] = ("supported", "retraumatised", "withdrawn", "missing", "dropped", "mixed")

OUTCOME_LABELS: dict[str, str] = {
    "supported": "Supported and heard",
    "retraumatised": "The case went on, but it hurt the child",
    "withdrawn": "The child withdrew",
    "missing": "The child went missing",
    "dropped": "The case was dropped",
    "mixed": "A mixed outcome",
}

# upholds: the choice does what the provision asks; breaches: it falls short of a duty ("shall") that
# applies to this actor in these conditions; misses: a lawful choice not to use a measure the
# provision makes available ("may", judicial discretion, "to the extent possible"). Story format 3.
VERDICTS: tuple[str, ...] = ("upholds", "breaches", "misses")
# The per-right tally each verdict adds to (records, report): "missed" is older and means something
# else (an upholding option was shown and not taken), so a "misses" verdict counts as "not_used".
VERDICT_TALLY: dict[str, str] = {"upholds": "upheld", "breaches": "breached", "misses": "not_used"}

NODE_KINDS: tuple[str, ...] = ("scene", "decision", "branch", "ending", "assessment")  # assessment: format 4

MODES: tuple[str, ...] = ("learning", "assessment", "facilitated")
