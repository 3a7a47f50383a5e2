"""The statistical-model path: a tiny Dutch NER model trained here, merged with the rules."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from kamerkg.extract import nlp as nlp_module
from kamerkg.extract.model import Document
from kamerkg.extract.nlp import find_mentions, load_nlp

# Invented sentences; "Zilvermeeuw" (ORG) is only known to the model, "Kustwacht"
# is known to the curated list below but the model is taught to call it a person.
TRAIN = [
    ("De stichting Zilvermeeuw opende een kantoor.", [(13, 24, "ORG")]),
    ("Zilvermeeuw kreeg subsidie van de gemeente.", [(0, 11, "ORG")]),
    ("Volgens Zilvermeeuw is het risico klein.", [(8, 19, "ORG")]),
    ("Men sprak met Zilvermeeuw over data.", [(14, 25, "ORG")]),
    ("Gisteren belde Kustwacht de burgemeester.", [(15, 24, "PER")]),
    ("Kustwacht zei dat het water rustig was.", [(0, 9, "PER")]),
    ("Een brief van Kustwacht kwam te laat.", [(14, 23, "PER")]),
    ("Over de haven sprak Kustwacht lang.", [(20, 29, "PER")]),
    ("Het weer was koud in de haven.", []),
    ("Er kwamen veel vragen over drones.", []),
    ("De brief werd later verstuurd.", []),
    ("Niemand wist waar het dossier lag.", []),
]


class TinyGazetteer:
    def patterns(self):
        return [{"label": "GovernmentBody", "pattern": "Kustwacht", "id": "Kustwacht"}]

    def adjectives(self):
        return {}


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    spacy.util.fix_random_seed(0)
    random.seed(0)
    nlp = spacy.blank("nl")
    ner = nlp.add_pipe("ner")
    examples = []
    for text, ents in TRAIN:
        for _, _, label in ents:
            ner.add_label(label)
        examples.append(Example.from_dict(nlp.make_doc(text), {"entities": ents}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    path = tmp_path_factory.mktemp("model") / "tiny_nl"
    nlp.to_disk(path)
    return path


def test_trained_model_loads_with_our_components(model_dir):
    pipe = load_nlp(str(model_dir), TinyGazetteer())
    assert pipe.pipe_names[0] == "kamerkg_senter"  # the model has no parser
    assert "ner" in pipe.pipe_names
    assert pipe.pipe_names[-2:] == ["kamerkg_ruler", "kamerkg_merge"]


def test_model_only_entity_is_merged(model_dir):
    pipe = load_nlp(str(model_dir), TinyGazetteer())
    text = "Volgens Zilvermeeuw is het risico klein."
    doc = pipe(text)
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Zilvermeeuw"]  # model learnt it
    mentions = find_mentions(pipe, Document(source="m.txt", text=text))
    assert [(m.text, m.label, m.source) for m in mentions] == [
        ("Zilvermeeuw", "Organisation", "model")
    ]


def test_rules_win_where_they_overlap_the_model(model_dir):
    pipe = load_nlp(str(model_dir), TinyGazetteer())
    text = "Gisteren belde Kustwacht de burgemeester."
    raw = spacy.load(model_dir)(text)
    assert [(e.text, e.label_) for e in raw.ents] == [("Kustwacht", "PER")]
    mentions = find_mentions(pipe, Document(source="m.txt", text=text))
    assert [(m.text, m.label, m.source) for m in mentions] == [
        ("Kustwacht", "GovernmentBody", "rule")
    ]


def test_auto_detection_falls_back_to_blank(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    pipe = load_nlp(None)
    assert pipe.pipe_names == ["kamerkg_senter", "kamerkg_ruler", "kamerkg_merge"]


def test_auto_detection_uses_the_package_when_installed(monkeypatch, model_dir):
    loaded = []

    def fake_load(name, *args, **kwargs):
        loaded.append(name)
        return spacy.util.load_model_from_path(model_dir)

    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == nlp_module.MODEL_PACKAGE)
    monkeypatch.setattr(spacy, "load", fake_load)
    pipe = load_nlp(None)
    assert loaded == [nlp_module.MODEL_PACKAGE]
    assert "ner" in pipe.pipe_names
