// centrum_bid: a town-centre partnership in Norrviks centrum that combines a BID (business improvement
// district; in Sweden "fastighetsägare i samverkan", a voluntary ideell förening of property owners and
// businesses) with EST (Effektiv samordning för trygghet: weekly reporting -> shared lägesbild ->
// short-term actions -> yearly follow-up, coordinated by the kommun's trygghetssamordnare, safety
// coordinator).
//
// The scenario (fictional place; every element drawn from ../shared/domain.md (beside the repository)):
// - Scopes: the kommun > centrum > three blocks: Torgkvarteret (a galleria with rental flats above it,
//   split into 3D properties), Stationskvarteret and Parkkvarteret.
// - Actors: KS (delegates coordination to the trygghetssamordnare), tekniska nämnden (huvudman for the
//   streets and squares), the lokalpolisområde, the allmännyttan (municipal housing company, owns
//   Stationskvarteret and the flats in Torgkvarteret), Torgfastigheter AB (owns the galleria), Brf
//   Parkhuset (owns Parkkvarteret and has left the BID), the traders and restaurant owners (with
//   serveringstillstånd, alcohol licences), and the BID förening.
// - Forums: the weekly EST meeting (coordinated by the trygghetssamordnare) and the BID (coordinated by
//   the förening). The police take part in EST only; the traders in the BID only.
//
// Failure patterns of domain.md it encodes:
// - F15: free riders. Brf Parkhuset left the BID; the BID still promises quick repair of graffiti and
//   damage in Parkkvarteret, but only the owner may act on its land.
// - A BID coordinator without mandate: the förening coordinates work on its members' land and holds no
//   mandate over any of it.
// - Coordination gaps: the yearly EST follow-up needs the BID's results, but the förening and the
//   trygghetssamordnare share no forum; the night-time duty is shared by the police and the restaurant
//   owners, who never meet.
// - Exclusive own-land mandates overlapping: in Torgkvarteret both the galleria owner and the allmännyttan
//   hold the exclusive ownership mandate for the same block (3D properties the model does not separate).
//
// Expected audit (derived by hand from rules.md and model-format.md; asserted in
// tests/unit/examples_test.cpp). In report order:
//  1. error exclusive-overlap (agande, [allmannyttan, torgfastigheter]), scopes
//     [kvarter-torget, kvarter-torget]: two direct holdings of an exclusive mandate by different actors, same
//     scope, both at every stage. (allmannyttan's holding for Stationskvarteret overlaps nobody's.)
//  2. error mandate-missing (sanering-parkkvarteret, agande): its only performer, the förening, has
//     neither a holding nor a delegation of it (not-held); Brf Parkhuset holds it for Parkkvarteret, so
//     capable = [brf-parkhuset].
//  3. warning accountable-without-mandate (sanering-parkkvarteret, bid-forening), mandates [agande].
//  4. warning coordination-gap ([bid-forening, trygghetssamordnare]), duties
//     [sanering-parkkvarteret, uppfoljning]: uppfoljning (trygghetssamordnare) needs
//     sanering-parkkvarteret (bid-forening); the förening is only in the BID, the samordnare only in EST.
//  5. warning coordination-gap ([lpo, naringsidkare]), duties [trygg-nattmiljo]: both perform it; the police
//     are only in EST, the traders only in the BID.
//  6. warning coordinator-without-mandate (bid-centrum, bid-forening), mandates [agande]: the BID covers
//     the three sanering duties, which require only agande, and the förening holds it nowhere.
// Checked not to fire: the trygghetssamordnare is capable of leda-samordna through KS's valid delegation
// (kommun, every stage), which also clears the EST meeting; the short-term actions need three mandates
// and the samordnare, tekniska and the police bring one each; the weekly reporting requires no mandate;
// every other pair sharing work (the reporters with the samordnare, and the samordnare with the
// galleria owner and the allmännyttan through the follow-up) meets in EST.
#ifndef SAMVERKAN_EXAMPLES_MODELS_CENTRUM_BID_HPP
#define SAMVERKAN_EXAMPLES_MODELS_CENTRUM_BID_HPP

#include <samverkan/model.hpp>

namespace samverkan::examples {

/// Norrviks centrum: a BID of property owners next to the kommun's EST work, with free riders and the
/// coordination problems reported for Swedish BIDs (see the comment at the top of this file).
[[nodiscard]] inline model centrum_bid() {
    model m;
    m.set_name("Norrviks centrum: fastighetsägare i samverkan (BID) och EST");
    m.set_description(
        "Ett BID (ideell förening av fastighetsägare och näringsidkare) vid sidan av kommunens EST-arbete "
        "i centrum. Exempelmodell med kända brister: friåkare, en samordnare utan mandat, överlappande "
        "ägande och parter som delar arbete utan gemensamt forum.");

    // ---- stages: the EST rhythm
    auto rapportering = m.add_stage({.id = "rapportering", .name = "Veckorapportering"});
    auto lagesbild_s = m.add_stage({.id = "lagesbild", .name = "Gemensam lägesbild"});
    auto atgarder = m.add_stage({.id = "atgarder", .name = "Kortsiktiga åtgärder"});
    auto uppfoljning_s = m.add_stage({.id = "uppfoljning", .name = "Årlig uppföljning"});
    m.order(lagesbild_s, rapportering);
    m.order(atgarder, lagesbild_s);
    m.order(uppfoljning_s, atgarder);

    // ---- scopes
    auto kommun = m.add_scope({.id = "kommun", .name = "Norrviks kommun"});
    auto centrum = m.add_scope({.id = "centrum", .name = "Norrviks centrum"});
    auto torget = m.add_scope({.id = "kvarter-torget", .name = "Torgkvarteret (galleria med bostäder ovanpå)"});
    auto stationen = m.add_scope({.id = "kvarter-stationen", .name = "Stationskvarteret"});
    auto parken = m.add_scope({.id = "kvarter-parken", .name = "Parkkvarteret"});
    m.nest(centrum, kommun);
    for (auto s : {torget, stationen, parken}) m.nest(s, centrum);

    // ---- actors
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    auto samordnare =
        m.add_actor({.id = "trygghetssamordnare", .name = "Kommunens trygghetssamordnare", .category = "kommun"});
    auto tekniska = m.add_actor({.id = "tekniska", .name = "Tekniska nämnden (gata och park)", .category = "kommun"});
    auto lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområde Norrvik", .category = "stat"});
    auto allmannyttan = m.add_actor(
        {.id = "allmannyttan", .name = "Norrviksbostäder AB (allmännyttan)", .category = "kommunalt bolag"});
    auto galleria = m.add_actor({.id = "torgfastigheter", .name = "Torgfastigheter AB", .category = "privat"});
    auto brf = m.add_actor({.id = "brf-parkhuset", .name = "Brf Parkhuset", .category = "privat"});
    auto naringsidkare =
        m.add_actor({.id = "naringsidkare", .name = "Handlare och krögare i centrum", .category = "privat"});
    auto forening = m.add_actor(
        {.id = "bid-forening", .name = "Norrvik centrum i samverkan (BID-förening)", .category = "förening"});

    // ---- mandates
    auto leda = m.add_mandate({.id = "leda-samordna",
                               .name = "Leda och samordna kommunens förvaltning",
                               .basis = "KL (2017:725) 6 kap. 1 § (unverified)"});
    auto huvudman = m.add_mandate({.id = "huvudman-allman-plats",
                                   .name = "Huvudmannaskap för allmän plats: gator, torg och belysning",
                                   .basis = "PBL (2010:900), kommunalt huvudmannaskap (Boverket)",
                                   .exclusive = true});
    auto polis = m.add_mandate({.id = "polisiara-befogenheter",
                                .name = "Polisiära befogenheter",
                                .basis = "Polislagen 2 §",
                                .exclusive = true,
                                .delegable = false});
    auto agande = m.add_mandate({.id = "agande",
                                 .name = "Äga och förvalta fastigheten",
                                 .basis = "Äganderätt (modellantagande)",
                                 .exclusive = true});
    auto servering = m.add_mandate({.id = "serveringstillstand",
                                    .name = "Servera alkohol enligt serveringstillstånd",
                                    .basis = "Alkohollagen (unverified)"});

    m.grant(ks, leda, {.scope = kommun});
    m.grant(tekniska, huvudman, {.scope = kommun});
    m.grant(lpo, polis, {.scope = kommun});
    m.grant(allmannyttan, agande, {.scope = stationen});
    m.grant(allmannyttan, agande, {.scope = torget}); // the flats above the galleria
    m.grant(galleria, agande, {.scope = torget});
    m.grant(brf, agande, {.scope = parken});
    m.grant(naringsidkare, servering, {.scope = centrum});

    m.delegate(ks, samordnare, leda);

    // ---- duties: the EST cycle
    auto rapportera = m.add_duty(
        {.id = "veckorapportering", .name = "Rapportera händelser varje vecka: skadegörelse, klotter, otrygga platser"},
        {.stage = rapportering, .scope = centrum});
    for (auto a : {allmannyttan, galleria, lpo}) m.assign(a, rapportera, raci::responsible);
    m.assign(samordnare, rapportera, raci::accountable);

    auto lagesbild = m.add_duty({.id = "gemensam-lagesbild", .name = "Sammanställa en gemensam lägesbild för centrum"},
                                {.stage = lagesbild_s, .scope = centrum});
    m.require(lagesbild, leda);
    m.need(lagesbild, rapportera);
    m.assign(samordnare, lagesbild, raci::responsible);
    m.assign(samordnare, lagesbild, raci::accountable);
    m.assign(lpo, lagesbild, raci::consulted);
    m.assign(ks, lagesbild, raci::informed);

    auto kortsiktiga = m.add_duty({.id = "kortsiktiga-atgarder",
                                   .name = "Besluta och genomföra kortsiktiga åtgärder: städning, belysning, "
                                           "polisnärvaro"},
                                  {.stage = atgarder, .scope = centrum});
    m.require(kortsiktiga, leda);
    m.require(kortsiktiga, huvudman);
    m.require(kortsiktiga, polis);
    m.need(kortsiktiga, lagesbild);
    for (auto a : {samordnare, tekniska, lpo}) m.assign(a, kortsiktiga, raci::responsible);
    m.assign(samordnare, kortsiktiga, raci::accountable);

    // ---- duties: the BID's promise of quick repair, block by block
    auto sanera = [&](char const* id, char const* name, scope_id where, actor_id who) {
        auto d = m.add_duty({.id = id, .name = name}, {.stage = atgarder, .scope = where});
        m.require(d, agande);
        m.assign(who, d, raci::responsible);
        m.assign(who, d, raci::accountable);
        return d;
    };
    auto sanera_torget = sanera("sanering-torgkvarteret",
                                "Sanera klotter och skadegörelse inom ett dygn: Torgkvarteret", torget, galleria);
    auto sanera_stationen =
        sanera("sanering-stationskvarteret", "Sanera klotter och skadegörelse inom ett dygn: Stationskvarteret",
               stationen, allmannyttan);
    // Brf Parkhuset left the BID; the förening still promises the work on its land.
    auto sanera_parken = sanera("sanering-parkkvarteret",
                                "Sanera klotter och skadegörelse inom ett dygn: Parkkvarteret", parken, forening);

    auto nattmiljo = m.add_duty(
        {.id = "trygg-nattmiljo", .name = "Trygg nattmiljö vid torget: ansvarsfull alkoholservering och polisnärvaro"},
        {.stage = atgarder, .scope = centrum});
    m.require(nattmiljo, polis);
    m.require(nattmiljo, servering);
    m.assign(naringsidkare, nattmiljo, raci::responsible);
    m.assign(lpo, nattmiljo, raci::responsible);
    m.assign(lpo, nattmiljo, raci::accountable);

    auto uppfoljning = m.add_duty({.id = "uppfoljning", .name = "Följa upp EST- och BID-åtgärderna"},
                                  {.stage = uppfoljning_s, .scope = centrum});
    m.require(uppfoljning, leda);
    for (auto d : {kortsiktiga, sanera_torget, sanera_stationen, sanera_parken}) m.need(uppfoljning, d);
    m.assign(samordnare, uppfoljning, raci::responsible);
    m.assign(samordnare, uppfoljning, raci::accountable);
    m.assign(ks, uppfoljning, raci::informed);
    m.assign(forening, uppfoljning, raci::informed);

    // ---- forums
    auto est =
        m.add_forum({.id = "est-centrum", .name = "EST-mötet för Norrviks centrum (varje vecka)", .model = "EST"},
                    {.scope = centrum});
    m.set_coordinator(est, samordnare);
    for (auto a : {lpo, tekniska, allmannyttan, galleria}) m.add_member(est, a);
    for (auto d : {rapportera, lagesbild, kortsiktiga, uppfoljning}) m.cover(est, d);

    auto bid =
        m.add_forum({.id = "bid-centrum", .name = "Fastighetsägare i samverkan: Norrviks centrum", .model = "BID"},
                    {.scope = centrum});
    m.set_coordinator(bid, forening);
    for (auto a : {allmannyttan, galleria, naringsidkare}) m.add_member(bid, a);
    for (auto d : {sanera_torget, sanera_stationen, sanera_parken}) m.cover(bid, d);

    return m;
}

} // namespace samverkan::examples

#endif // SAMVERKAN_EXAMPLES_MODELS_CENTRUM_BID_HPP
