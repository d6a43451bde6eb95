#!/usr/bin/env python3
"""The page's trained example models: one character-level model per cell (LSTM, GRU, RNN tanh, RNN relu),
trained by PyTorch to predict the next character of short English sentences.

Untrained weights leave every gate near 0.5; these show what training does: gates that open and close
fully, a cell state that keeps what matters, and next-character guesses that make sense ("the c" -> "a").

Each model reads one-hot characters over the engine's vocabulary (src/engine/inputs.ts, VOCAB) and has a
softmax readout over the same vocabulary. Written to public/presets/<cell>.json (format gatescope-preset/1:
a PyTorch state_dict as nested lists, float32 values written with 9 significant digits, which read back
exactly). fixtures/presets/expected.json holds PyTorch's own outputs on the page's default text, which the
engine must match (src/engine/formats/preset.test.ts).

Run with Debian's python3-torch (a few minutes on two cores):  /usr/bin/python3 scripts/train_presets.py
"""
import json
import os
import random

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VOCAB = " abcdefghijklmnopqrstuvwxyz0123456789.,;:!?'-\n"  # as in src/engine/inputs.ts
H = 16
DEFAULT_TEXT = "the cat sat on the mat."  # the page's default text (src/state/config.ts)

SUBJECTS = ["the cat", "the dog", "a bird", "the old man", "my friend", "the little girl", "a fox", "the teacher",
            "the farmer", "a small mouse"]
VERBS = ["sat on", "ran to", "looked at", "jumped over", "slept under", "walked past", "sang to", "hid behind",
         "sat by", "ran past"]
OBJECTS = ["the mat", "the hat", "the tree", "the red box", "a big house", "the river", "the moon", "the old gate",
           "the garden", "a green door"]


def sentence(rng):
    """One sentence of the toy grammar: its structure is what a small model can learn and a class can see."""
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    r = rng.random()
    if r < 0.25:
        s += f", and then it {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    elif r < 0.4:
        s += f" and {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return s + ("!" if rng.random() < 0.1 else ".")


def corpus(rng, chars):
    out = []
    n = 0
    while n < chars:
        s = sentence(rng)
        out.append(s)
        n += len(s) + 1
    return " ".join(out)


class CharModel(nn.Module):
    def __init__(self, cell):
        super().__init__()
        v = len(VOCAB)
        if cell == "lstm":
            self.rnn = nn.LSTM(v, H, batch_first=True)
        elif cell == "gru":
            self.rnn = nn.GRU(v, H, batch_first=True)
        else:
            self.rnn = nn.RNN(v, H, batch_first=True, nonlinearity=cell.split("_")[1])
        self.readout = nn.Linear(H, v)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.readout(out), out


def one_hot(ids):
    return nn.functional.one_hot(ids, len(VOCAB)).to(torch.float32)


def ids_of(text):
    return torch.tensor([VOCAB.index(ch) for ch in text])


def train(cell, train_ids, test_ids, steps=3000, batch=64, length=80):
    torch.manual_seed(20261128)
    model = CharModel(cell)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    gen = torch.Generator().manual_seed(1)
    for step in range(steps):
        # Sequences start at sentence starts as well as mid-sentence: the page runs a text from zero state.
        starts = torch.randint(0, len(train_ids) - length - 1, (batch,), generator=gen)
        x = torch.stack([train_ids[s:s + length] for s in starts])
        y = torch.stack([train_ids[s + 1:s + length + 1] for s in starts])
        logits, _ = model(one_hot(x))
        loss = nn.functional.cross_entropy(logits.reshape(-1, len(VOCAB)), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
    with torch.no_grad():
        logits, _ = model(one_hot(test_ids[:-1]).unsqueeze(0))
        acc = (logits[0].argmax(-1) == test_ids[1:]).float().mean().item()
    return model, loss.item(), acc


def f32(t):
    """Nested lists of float32 values with 9 significant digits: enough to read each back exactly."""
    return json.loads(json.dumps(t.detach().to(torch.float32).tolist()), parse_float=lambda s: float("%.9g" % float(s)))


def main():
    rng = random.Random(7)
    train_text = corpus(rng, 60_000)
    test_text = corpus(rng, 3_000)
    train_ids, test_ids = ids_of(train_text), ids_of(test_text)
    expected = {"format": "gatescope-preset-expected/1", "generator": f"torch {torch.__version__}, scripts/train_presets.py",
                "text": DEFAULT_TEXT, "models": {}}
    for cell in ["lstm", "gru", "rnn_tanh", "rnn_relu"]:
        model, loss, acc = train(cell, train_ids, test_ids)
        print(f"{cell}: final training loss {loss:.3f}, next-character accuracy on held-out sentences {acc:.1%}")
        sd = {k: f32(v) for k, v in model.state_dict().items()}
        # The file holds exactly these numbers; the reference outputs come from the model with them loaded.
        model.load_state_dict({k: torch.tensor(v, dtype=torch.float32) for k, v in sd.items()})
        preset = {
            "format": "gatescope-preset/1",
            "generator": f"torch {torch.__version__}, scripts/train_presets.py",
            "cell": cell,
            "vocab": VOCAB,
            "about": "trained on short sentences",
            "training": (f"Trained by PyTorch to guess the next character of made-up sentences such as "
                         f"\u201cthe old man ran past the garden.\u201d ({len(train_text):,} characters of them); "
                         f"it guesses {acc:.0%} right in sentences it had not seen."),
            "accuracy": round(acc, 4),
            "state_dict": sd,
        }
        with open(os.path.join(ROOT, "public", "presets", f"{cell}.json"), "w") as f:
            json.dump(preset, f, separators=(",", ":"))
        with torch.no_grad():
            logits, out = model(one_hot(ids_of(DEFAULT_TEXT)).unsqueeze(0))
            expected["models"][cell] = {"h": f32(out[0]), "probs": f32(torch.softmax(logits[0], -1))}
    with open(os.path.join(ROOT, "fixtures", "presets", "expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
