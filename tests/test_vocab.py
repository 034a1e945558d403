import pytest

from netles import vocab


@pytest.mark.parametrize("v", list(vocab.VOCABULARIES.values()) + [vocab.RELATION_KIND])
def test_every_value_has_a_dutch_and_an_english_label(v):
    for code in v:
        assert v.label(code, "nl").strip() and v.label(code, "en").strip()
    assert v.field_label("nl") and v.field_label("en")


def test_vocabularies_hold_the_data_model_values():
    assert vocab.RELATION.codes == (
        "partner", "parent", "child", "sibling", "other_family", "friend", "neighbour", "colleague",
        "fellow_student", "acquaintance", "club_member", "fellow_client", "volunteer", "professional",
    )
    assert vocab.CIRCLE.codes == (1, 2, 3, 4)
    assert vocab.SECTOR.codes == ("family", "fellow_clients", "professionals", "society")
    assert vocab.SUPPORT.codes == ("practical", "emotional", "companionship", "appraisal", "information")
    assert vocab.CONTACT.codes == ("daily", "weekly", "monthly", "yearly", "rarely")
    assert vocab.SUPPORT_DIRECTION.codes == ("receives", "gives", "mutual")
    assert vocab.VALENCE.codes == ("supportive", "ambivalent", "burdening")
    assert vocab.STATUS.codes == ("active", "faded", "disrupted")


def test_default_mappings_cover_every_relation():
    for rel in vocab.RELATION:
        assert vocab.RELATION_SECTOR[rel] in vocab.SECTOR
        assert vocab.RELATION_KIND_OF[rel] in vocab.RELATION_KIND
        assert vocab.RELATION_CIRCLE[rel] in vocab.CIRCLE
    assert vocab.RELATION_SECTOR["sibling"] == "family"
    assert vocab.RELATION_SECTOR["fellow_client"] == "fellow_clients"
    assert vocab.RELATION_SECTOR["professional"] == "professionals"
    assert vocab.RELATION_SECTOR["neighbour"] == "society"
    assert vocab.RELATION_KIND_OF["partner"] == "family"
    assert vocab.RELATION_KIND_OF["professional"] == "professional"
    assert vocab.RELATION_KIND_OF["volunteer"] == "informal"


def test_membership_is_strict_about_types():
    assert 1 in vocab.CIRCLE
    assert True not in vocab.CIRCLE
    assert [1] not in vocab.CIRCLE
    assert "1" not in vocab.CIRCLE


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        vocab.label("relation", "friend", lang="de")


def test_readable_table_shows_labels_whole_years_and_no_ids():
    # issue 11: Dutch tables showed codes (sibling, weekly, burdening, practical) and "2005.0"
    import netles
    from netles import datasets

    net = datasets.load_case("voorbeeld")
    raw = net.alters
    assert raw["since"].dtype.kind == "f"  # pandas stores years with gaps as floats
    table = netles.readable_table(raw, lang="nl")
    shown = table._repr_html_() + repr(table)
    for code in ("sibling", "weekly", "burdening", "practical", "neighbour", "receives", "alter_id"):
        assert code not in shown, code
    assert ".0<" not in shown and ".0 " not in repr(table)
    assert "broer of zus" in shown and "belastend" in shown and "praktische hulp" in shown
    years = [v for v in table["bekend sinds"] if v != ""]
    assert years and all(isinstance(v, int) for v in years)
    english = netles.readable_table(raw, lang="en", columns=["relation", "contact"])
    assert list(english.columns) == ["relation", "contact frequency"]
    assert "sibling" in english["relation"].tolist()
    assert raw.equals(net.alters)  # the input is not changed
