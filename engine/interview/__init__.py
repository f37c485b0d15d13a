"""Interviews: events, their fold, the actions an officer takes, the question on screen."""

from __future__ import annotations

from engine.interview.answers import AnswerError
from engine.interview.events import Event, EventKind, InterviewRecordError
from engine.interview.interview import Interview, InterviewError
from engine.interview.question import ChoiceView, Question
from engine.interview.state import InterviewState, fold

__all__ = [
    "AnswerError",
    "ChoiceView",
    "Event",
    "EventKind",
    "Interview",
    "InterviewError",
    "InterviewRecordError",
    "InterviewState",
    "Question",
    "fold",
]
