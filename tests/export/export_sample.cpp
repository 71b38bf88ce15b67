// Writes the export of a fixed sample model, for the checks that load it with other programs
// (check_graphml.py with NetworkX, check_dot.py with Graphviz):
//
//     samverkan_export_sample graphml|dot|csv > out
//
// The sample exercises every element kind and relation kind, holdings and delegations with and without
// reach, an actor that is both R and A (parallel edges), a self-delegation (a loop), and text that needs
// escaping: quotes, <, &, line breaks, a tab, a carriage return, control characters that XML 1.0
// cannot carry, a byte that is not UTF-8, Swedish letters, ids with spaces, a colon, a backslash, and
// the empty id. The DOT export carries a hand-made report with a finding of each highlighted kind.
// check_graphml.py asserts the counts and attributes below; keep the two in step.
#include <samverkan/diagnostics.hpp>
#include <samverkan/io/csv.hpp>
#include <samverkan/io/dot.hpp>
#include <samverkan/io/graphml.hpp>
#include <samverkan/model.hpp>

#include <iostream>
#include <string_view>

namespace {

struct sample {
    samverkan::model m;
    samverkan::report findings;
};

sample make_sample() {
    using samverkan::raci;
    sample s;
    auto& m = s.m;
    m.set_name("Exempelkommun: \"lägesbild\" & <åtgärdsplan>");
    m.set_description("line one\nline two\twith a tab\r\nand a bell \x07 here");
    m.set_attributes(R"({"version": 2})");

    auto lagesbild = m.add_stage({.id = "lagesbild", .name = "Lägesbild"});
    auto plan = m.add_stage({.id = "atgardsplan", .name = "Åtgärdsplan"});
    m.order(plan, lagesbild);

    auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    auto centrum = m.add_scope({.id = "Centrum väst", .name = "Centrum \\ väst"});
    m.nest(centrum, kommun);

    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    auto sf = m.add_actor(
        {.id = "sf", .name = "Samordnings-\nfunktionen", .category = "kommun", .attributes = R"({"fte": 1.5})"});
    auto lpo = m.add_actor({.id = "lpo:1", .name = "Polisen \"LPO\" <Norr> & co", .category = "stat"});
    auto nobody = m.add_actor({.id = "",
                               .name = "ctl\x01\x1f"
                                       "char \xff end"});

    auto leda = m.add_mandate({.id = "leda", .name = "Leda och samordna", .basis = "KL 6 kap. 1 §", .exclusive = true});
    auto polis =
        m.add_mandate({.id = "polis", .name = "Polisiära befogenheter", .basis = "PL 2 §", .delegable = false});

    auto lb = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild", .basis = "Lag (2023:196) 4 §"},
                         {.stage = lagesbild, .scope = kommun});
    auto atg = m.add_duty({.id = "Åtgärdsplan", .name = "Besluta åtgärdsplan", .optional = true}, {.stage = plan});
    m.require(lb, leda);
    m.require(atg, polis);
    m.need(atg, lb);
    m.assign(ks, lb, raci::accountable);
    m.assign(sf, lb, raci::responsible);
    m.assign(lpo, lb, raci::consulted);
    m.assign(ks, atg, raci::responsible);
    m.assign(ks, atg, raci::accountable);
    m.assign(nobody, atg, raci::informed);

    m.grant(ks, leda, {.scope = kommun, .stages = {lagesbild, plan}});
    m.grant(lpo, leda, {.scope = centrum});
    m.grant(lpo, polis);
    m.delegate(ks, sf, leda);
    m.delegate(lpo, lpo, polis, {.scope = centrum});

    auto rad = m.add_forum({.id = "rad", .name = "Brottsförebyggande rådet", .model = "samverkansöverenskommelse"},
                           {.scope = kommun});
    m.add_member(rad, ks);
    m.add_member(rad, lpo);
    m.set_coordinator(rad, sf);
    m.cover(rad, lb);
    m.cover(rad, atg);

    using samverkan::field;
    using samverkan::ref_list;
    using samverkan::severity;
    auto& f = s.findings.findings;
    f.push_back(
        {"mandate-missing", severity::error, {{"duty", lb}, {"mandate", leda}}, {}, "no performer holds 'Leda'"});
    f.push_back({"exclusive-overlap",
                 severity::error,
                 {{"mandate", leda}, {"actors", ref_list{ks, lpo}}},
                 {},
                 "both hold \"leda\" in Centrum"});
    f.push_back({"invalid-delegation",
                 severity::error,
                 {{"mandate", polis}, {"from", lpo}, {"to", lpo}},
                 {},
                 "self-delegation \\ of 'polis'"});
    f.push_back({"unassigned-duty", severity::error, {{"duty", atg}}, {}, "nobody does <it>"});
    f.push_back({"coordination-gap", severity::warning, {{"actors", ref_list{sf, lpo}}}, {}, "no shared forum"});
    f.push_back({"idle-actor", severity::info, {{"actor", nobody}}, {}, "does nothing"});
    return s;
}

} // namespace

int main(int argc, char** argv) {
    std::string_view const format = argc == 2 ? argv[1] : "";
    auto const s = make_sample();
    if (format == "graphml") samverkan::io::write_graphml(std::cout, s.m);
    else if (format == "dot") samverkan::io::write_dot(std::cout, s.m, s.findings);
    else if (format == "csv") samverkan::io::write_raci_csv(std::cout, s.m);
    else {
        std::cerr << "usage: samverkan_export_sample graphml|dot|csv\n";
        return 2;
    }
    return std::cout.good() ? 0 : 1;
}
