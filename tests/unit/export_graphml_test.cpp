// The GraphML export: the exact document for a small model, escaping, node keys, element types of
// one's own, determinism. (tests/export/check_graphml.py loads the export with NetworkX.)
#include "catch.hpp"

#include <samverkan/io/graphml.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_tests_export_graphml_test { // one per file: the tests are built as a unity build

namespace {

template <class Model>
std::string graphml_of(Model const& m) {
    std::ostringstream os;
    samverkan::io::write_graphml(os, m);
    return os.str();
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::size_t count(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

samverkan::model small_model() {
    samverkan::model m;
    m.set_name("Liten modell");
    auto s1 = m.add_stage({.id = "s1", .name = "Lägesbild"});
    auto s2 = m.add_stage({.id = "s2"});
    m.order(s2, s1);
    auto k = m.add_scope({.id = "kommun"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    auto sf = m.add_actor({.id = "sf"});
    auto leda = m.add_mandate({.id = "leda", .name = "Leda", .exclusive = true});
    auto lb = m.add_duty({.id = "lb", .name = "Ta fram lägesbild"}, {.stage = s1, .scope = k});
    m.require(lb, leda);
    m.assign(sf, lb, samverkan::raci::responsible);
    auto h = m.grant(ks, leda, {.scope = k, .stages = {s2, s1}});
    m.set_attributes(h, R"({"sedan": 2023})");
    m.delegate(ks, sf, leda, {.stages = {s1}});
    auto f = m.add_forum({.id = "rad"}, {.scope = k});
    m.set_coordinator(f, ks);
    return m;
}

// A planning tool's own described actor type: its members become GraphML attributes with their types.
struct budget_actor {
    std::string id{};
    std::string name{};
    long budget_kkr = 0;
    double share = 0.0;
    std::optional<std::string> contact{};
    std::vector<std::string> tags{}; // not a GraphML type: left out
    std::string kind{};              // collides with the fixed key: written as user_kind
    bool active = true;
};
BOOST_DESCRIBE_STRUCT(budget_actor, (), (id, name, budget_kkr, share, contact, tags, kind, active))

// The same member name with another type in another kind.
struct budget_duty {
    std::string id{};
    std::string name{};
    bool optional = false;
    std::string budget_kkr{};
};
BOOST_DESCRIBE_STRUCT(budget_duty, (), (id, name, optional, budget_kkr))

struct budget_traits : samverkan::default_traits {
    using actor_type = budget_actor;
    using duty_type = budget_duty;
};

// A type that is not described: the members of the default types it has are written.
struct plain_forum {
    std::string id{};
    std::string name{};
    std::string model{};
    int secret = 0; // not one of the default members: left out
};
struct plain_traits : samverkan::default_traits {
    using forum_type = plain_forum;
};

} // namespace

TEST_CASE("write_graphml writes the exact document for a small model") {
    CHECK(graphml_of(small_model()) == R"xml(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>
  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>
  <key id="g_attributes" for="graph" attr.name="attributes" attr.type="string"/>
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_label" for="node" attr.name="label" attr.type="string"/>
  <key id="n_element_id" for="node" attr.name="element_id" attr.type="string"/>
  <key id="n_name" for="node" attr.name="name" attr.type="string"/>
  <key id="n_attributes" for="node" attr.name="attributes" attr.type="string"/>
  <key id="n_category" for="node" attr.name="category" attr.type="string"/>
  <key id="n_basis" for="node" attr.name="basis" attr.type="string"/>
  <key id="n_exclusive" for="node" attr.name="exclusive" attr.type="boolean"/>
  <key id="n_delegable" for="node" attr.name="delegable" attr.type="boolean"/>
  <key id="n_optional" for="node" attr.name="optional" attr.type="boolean"/>
  <key id="n_model" for="node" attr.name="model" attr.type="string"/>
  <key id="n_stage" for="node" attr.name="stage" attr.type="string"/>
  <key id="n_scope" for="node" attr.name="scope" attr.type="string"/>
  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e_role" for="edge" attr.name="role" attr.type="string"/>
  <key id="e_mandate" for="edge" attr.name="mandate" attr.type="string"/>
  <key id="e_scope" for="edge" attr.name="scope" attr.type="string"/>
  <key id="e_stages" for="edge" attr.name="stages" attr.type="string"/>
  <key id="e_attributes" for="edge" attr.name="attributes" attr.type="string"/>
  <graph id="model" edgedefault="directed">
    <data key="g_name">Liten modell</data>
    <node id="stage:s1">
      <data key="n_kind">stage</data>
      <data key="n_label">Lägesbild</data>
      <data key="n_element_id">s1</data>
      <data key="n_name">Lägesbild</data>
    </node>
    <node id="stage:s2">
      <data key="n_kind">stage</data>
      <data key="n_label">s2</data>
      <data key="n_element_id">s2</data>
    </node>
    <node id="scope:kommun">
      <data key="n_kind">scope</data>
      <data key="n_label">kommun</data>
      <data key="n_element_id">kommun</data>
    </node>
    <node id="actor:ks">
      <data key="n_kind">actor</data>
      <data key="n_label">Kommunstyrelsen</data>
      <data key="n_element_id">ks</data>
      <data key="n_name">Kommunstyrelsen</data>
      <data key="n_category">kommun</data>
    </node>
    <node id="actor:sf">
      <data key="n_kind">actor</data>
      <data key="n_label">sf</data>
      <data key="n_element_id">sf</data>
    </node>
    <node id="mandate:leda">
      <data key="n_kind">mandate</data>
      <data key="n_label">Leda</data>
      <data key="n_element_id">leda</data>
      <data key="n_name">Leda</data>
      <data key="n_exclusive">true</data>
      <data key="n_delegable">true</data>
    </node>
    <node id="duty:lb">
      <data key="n_kind">duty</data>
      <data key="n_label">Ta fram lägesbild</data>
      <data key="n_element_id">lb</data>
      <data key="n_name">Ta fram lägesbild</data>
      <data key="n_optional">false</data>
      <data key="n_stage">s1</data>
      <data key="n_scope">kommun</data>
    </node>
    <node id="forum:rad">
      <data key="n_kind">forum</data>
      <data key="n_label">rad</data>
      <data key="n_element_id">rad</data>
      <data key="n_scope">kommun</data>
    </node>
    <edge id="e0" source="stage:s2" target="stage:s1">
      <data key="e_relation">after</data>
    </edge>
    <edge id="e1" source="actor:ks" target="mandate:leda">
      <data key="e_relation">holds</data>
      <data key="e_scope">kommun</data>
      <data key="e_stages">["s1","s2"]</data>
      <data key="e_attributes">{"sedan": 2023}</data>
    </edge>
    <edge id="e2" source="actor:ks" target="actor:sf">
      <data key="e_relation">delegates</data>
      <data key="e_mandate">leda</data>
      <data key="e_stages">["s1"]</data>
    </edge>
    <edge id="e3" source="actor:sf" target="duty:lb">
      <data key="e_relation">assigned</data>
      <data key="e_role">R</data>
    </edge>
    <edge id="e4" source="duty:lb" target="mandate:leda">
      <data key="e_relation">requires_mandate</data>
    </edge>
    <edge id="e5" source="forum:rad" target="actor:ks">
      <data key="e_relation">coordinated_by</data>
    </edge>
  </graph>
</graphml>
)xml");
}

TEST_CASE("write_graphml writes one node per element and one edge per relation, deterministically") {
    auto const m = small_model();
    auto const xml = graphml_of(m);
    CHECK(count(xml, "<node id=") == 8);
    CHECK(count(xml, "<edge id=") == m.relation_count());
    CHECK(graphml_of(small_model()) == xml);
    samverkan::model const empty;
    CHECK(graphml_of(empty).ends_with("  <graph id=\"model\" edgedefault=\"directed\">\n  </graph>\n</graphml>\n"));
}

TEST_CASE("write_graphml escapes text for XML, whatever the model holds") {
    samverkan::model m;
    m.set_name("\"quoted\" <tag> & 'single'");
    using namespace std::string_literals;
    m.set_description("cr\r\nlf tab\tnul\x00x bell\x07 ffff\xEF\xBF\xBF bad\xC3( end"s);
    (void)m.add_actor({.id = "Åtgärdsplan", .name = "]]> in text"});
    auto const xml = graphml_of(m);
    CHECK(contains(xml, "<data key=\"g_name\">\"quoted\" &lt;tag&gt; &amp; 'single'</data>"));
    // CR survives as a reference; LF and tab are kept; NUL, BEL, U+FFFF and the broken sequence become U+FFFD.
    CHECK(contains(xml, "<data key=\"g_description\">cr&#13;\nlf tab\tnul\xEF\xBF\xBDx bell\xEF\xBF\xBD "
                        "ffff\xEF\xBF\xBD bad\xEF\xBF\xBD( end</data>"));
    CHECK(contains(xml, "<node id=\"actor:Åtgärdsplan\">"));
    CHECK(contains(xml, "<data key=\"n_name\">]]&gt; in text</data>"));
}

TEST_CASE("write_graphml gives each element a node key that is an NMTOKEN, unique per kind and id") {
    using samverkan::io::detail::node_key;
    CHECK(node_key("actor", "ks") == "actor:ks");
    CHECK(node_key("duty", "Åtgärdsplan_2.0-b") == "duty:Åtgärdsplan_2.0-b");
    CHECK(node_key("scope", "Centrum väst") == "scope:Centrum:20:väst");
    CHECK(node_key("actor", "lpo:1") == "actor:lpo:3A:1");
    CHECK(node_key("actor", "a:20:b") == "actor:a:3A:20:3A:b"); // cannot collide with "a b"
    CHECK(node_key("mandate", "§ 4 \"x\"\\") == "mandate::A7::20:4:20::22:x:22::5C:");
    CHECK(node_key("actor", "") == "actor:");
    CHECK(node_key("actor", "bad\xFF") == "actor:bad:xFF:");
    CHECK(node_key("actor", "emoji\xF0\x9F\x98\x80") == "actor:emoji\xF0\x9F\x98\x80"); // U+1F600 is a name character

    samverkan::model m;
    auto a = m.add_actor({.id = "a b"});
    auto b = m.add_actor({.id = "a:20:b"});
    auto d = m.add_duty({.id = "a b"});
    m.assign(a, d, samverkan::raci::responsible);
    m.assign(b, d, samverkan::raci::informed);
    auto const xml = graphml_of(m);
    CHECK(contains(xml, "<node id=\"actor:a:20:b\">"));
    CHECK(contains(xml, "<node id=\"actor:a:3A:20:3A:b\">"));
    CHECK(contains(xml, "<edge id=\"e0\" source=\"actor:a:20:b\" target=\"duty:a:20:b\">"));
    CHECK(contains(xml, "<data key=\"n_element_id\">a b</data>"));
}

TEST_CASE("write_graphml writes the described members of a planning tool's own element types") {
    samverkan::basic_model<budget_traits> m;
    (void)m.add_actor({.id = "ks",
                       .name = "Kommunstyrelsen",
                       .budget_kkr = -1200,
                       .share = 0.25,
                       .contact = "registrator@example.se",
                       .tags = {"x"},
                       .kind = "nämnd",
                       .active = false});
    (void)m.add_actor({.id = "sf"});
    (void)m.add_duty({.id = "lb", .budget_kkr = "see plan"});
    auto const xml = graphml_of(m);
    CHECK(contains(xml, "<key id=\"n_budget_kkr_long\" for=\"node\" attr.name=\"budget_kkr\" attr.type=\"long\"/>"));
    CHECK(
        contains(xml, "<key id=\"n_budget_kkr_string\" for=\"node\" attr.name=\"budget_kkr\" attr.type=\"string\"/>"));
    CHECK(contains(xml, "<key id=\"n_share\" for=\"node\" attr.name=\"share\" attr.type=\"double\"/>"));
    CHECK(contains(xml, "<key id=\"n_contact\" for=\"node\" attr.name=\"contact\" attr.type=\"string\"/>"));
    CHECK(contains(xml, "<key id=\"n_active\" for=\"node\" attr.name=\"active\" attr.type=\"boolean\"/>"));
    CHECK(contains(xml, "<key id=\"n_user_kind\" for=\"node\" attr.name=\"user_kind\" attr.type=\"string\"/>"));
    CHECK_FALSE(contains(xml, "tags"));
    CHECK(contains(xml, "<data key=\"n_budget_kkr_long\">-1200</data>"));
    CHECK(contains(xml, "<data key=\"n_share\">0.25</data>"));
    CHECK(contains(xml, "<data key=\"n_contact\">registrator@example.se</data>"));
    CHECK(contains(xml, "<data key=\"n_user_kind\">nämnd</data>"));
    CHECK(contains(xml, "<data key=\"n_kind\">actor</data>"));
    CHECK(contains(xml, "<data key=\"n_active\">false</data>"));
    CHECK(contains(xml, "<data key=\"n_budget_kkr_string\">see plan</data>"));
    // sf: the empty optional is left out, the numbers and the boolean are written.
    auto const sf = xml.substr(xml.find("<node id=\"actor:sf\">"));
    auto const sf_node = sf.substr(0, sf.find("</node>"));
    CHECK_FALSE(contains(sf_node, "n_contact"));
    CHECK(contains(sf_node, "<data key=\"n_budget_kkr_long\">0</data>"));
    CHECK(contains(sf_node, "<data key=\"n_active\">true</data>"));
}

TEST_CASE("write_graphml writes the default members that a type without a description has") {
    samverkan::basic_model<plain_traits> m;
    (void)m.add_forum({.id = "rad", .name = "Rådet", .model = "EST", .secret = 7});
    auto const xml = graphml_of(m);
    CHECK(contains(xml, "<data key=\"n_element_id\">rad</data>"));
    CHECK(contains(xml, "<data key=\"n_model\">EST</data>"));
    CHECK_FALSE(contains(xml, "secret"));
}

} // namespace samverkan_tests_export_graphml_test
