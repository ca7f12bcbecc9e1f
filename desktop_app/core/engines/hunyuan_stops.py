"""What watches HunyuanOCR's ``generate`` call token by token: a repetition guard, a deadline, the user's
cancel, a clock for the first token and a watch for non-finite logits (fp16 overflow).

They are plain callables: transformers' ``StoppingCriteriaList`` / ``LogitsProcessorList`` only call them, and
importing the base classes here would import transformers with this module. Stopping criteria return one bool
per sequence; the logits watch returns the scores unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.hunyuan_common import DecodeSettings, repeating_tail_period


@dataclass
class GuardState:
    """What the stopping criteria saw during one ``generate`` call."""

    repeated: set[int] = field(default_factory=set)  # batch rows stopped by the repetition guard
    timed_out: bool = False
    cancelled: bool = False
    first_token_at: float | None = None  # time.perf_counter() when the first new token was there
    non_finite_rows: Any = None  # bool tensor (one per row): NaN / +inf seen in that row's scores

    @property
    def non_finite(self) -> bool:
        return self.non_finite_rows is not None and bool(self.non_finite_rows.any())


class RepetitionStop:
    """Stops a sequence whose generated tail is one n-gram of tokens repeated many times (a decoding loop).

    Checked every ``check_every`` tokens on the last tokens only, so the cost stays small on long outputs.
    Rows that already ended (their last token is a stop/pad id) are left alone.
    """

    def __init__(
        self,
        prompt_len: int,
        state: GuardState,
        *,
        settings: DecodeSettings | None = None,
        stop_ids: Sequence[int] = (),
        check_every: int = 4,
    ) -> None:
        self.prompt_len = prompt_len
        self.state = state
        settings = settings or DecodeSettings()
        self.settings = settings
        self.stop_ids = set(stop_ids)
        self.check_every = max(1, check_every)
        self.window = (
            max(settings.repeat_min_span, settings.repeat_max_period * settings.repeat_min_times)
            + settings.repeat_max_period
        )

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        done = torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)
        generated = input_ids.shape[1] - self.prompt_len
        s = self.settings
        if generated >= s.repeat_min_span and generated % self.check_every == 0:
            tail = input_ids[:, -min(generated, self.window) :].tolist()
            for row, ids in enumerate(tail):
                if row in self.state.repeated or (ids and ids[-1] in self.stop_ids):
                    continue
                period = repeating_tail_period(
                    ids,
                    max_period=s.repeat_max_period,
                    min_times=s.repeat_min_times,
                    min_span=s.repeat_min_span,
                )
                if period:
                    self.state.repeated.add(row)
        for row in self.state.repeated:
            done[row] = True
        return done


class DeadlineStop:
    """Stops every sequence once wall time passes ``deadline`` (``time.monotonic()`` seconds)."""

    def __init__(self, deadline: float, state: GuardState) -> None:
        self.deadline = deadline
        self.state = state

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        over = time.monotonic() >= self.deadline
        if over:
            self.state.timed_out = True
        return torch.full((input_ids.shape[0],), over, dtype=torch.bool, device=input_ids.device)


class CancelStop:
    """Stops every sequence once the user cancels; the engine raises ``Cancelled`` after ``generate``."""

    def __init__(self, cancel: CancelToken, state: GuardState) -> None:
        self.cancel = cancel
        self.state = state

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        stop = self.cancel.cancelled
        if stop:
            self.state.cancelled = True
        return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)


class FirstTokenClock:
    """Records when the first new token is there (``generate`` calls stopping criteria after every token, the
    first time right after the prefill and the first token). Never stops anything."""

    def __init__(self, state: GuardState) -> None:
        self.state = state

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        if self.state.first_token_at is None:
            self.state.first_token_at = time.perf_counter()
        return torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)


class NonFiniteWatch:
    """A logits processor that marks the rows whose next-token scores hold NaN or +inf (fp16 overflow in the
    model: greedy decoding would then emit token 0 or garbage). It keeps the flags on the device, so watching
    costs no extra synchronisation; :class:`NonFiniteStop` ends those rows and the engine reacts afterwards.
    -inf is normal (processors such as ``min_new_tokens`` mask tokens with it) and is ignored."""

    def __init__(self, state: GuardState) -> None:
        self.state = state

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        bad = torch.isnan(scores).any(dim=-1) | torch.isposinf(scores).any(dim=-1)
        flags = self.state.non_finite_rows
        self.state.non_finite_rows = bad if flags is None else (flags | bad)
        return scores


class NonFiniteStop:
    """Stops the rows :class:`NonFiniteWatch` marked."""

    def __init__(self, state: GuardState) -> None:
        self.state = state

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        flags = self.state.non_finite_rows
        if flags is None:
            return torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)
        return flags.to(input_ids.device)
