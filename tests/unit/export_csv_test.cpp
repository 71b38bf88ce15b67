// The RACI matrix CSV: canonical writing, reading spreadsheets' variants, errors with positions, round trips.
#include "catch.hpp"

#include <samverkan/io/csv.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace samverkan_tests_export_csv_test { // one per file: the tests are built as a unity build

namespace {

using samverkan::raci;

template <class Model>
std::string csv_of(Model const& m) {
    std::ostringstream os;
    samverkan::io::write_raci_csv(os, m);
    return os.str();
}

// The RACI of a model as text, by ids, in a fixed order: "duty:actor:letter" for every entry, duties and
// actors in model order, roles in RACI order. Two models with the same RACI give the same text.
template <class Model>
std::vector<std::string> raci_entries(Model const& m) {
    std::vector<std::string> out;
    for (auto d : m.duties())
        for (auto a : m.actors())
            for (raci r : {raci::responsible, raci::accountable, raci::consulted, raci::informed})
                for (auto const& x : m.raci_of(d))
                    if (x.actor == a && x.role == r)
                        out.push_back(m[d].id + ":" + m[a].id + ":" + samverkan::letter(r));
    return out;
}

std::string read_error(std::string_view text) {
    try {
        (void)samverkan::io::read_raci_csv(text, "raci.csv");
    } catch (samverkan::error const& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("write_raci_csv writes the header, one row per duty and the roles in RACI order") {
    samverkan::model m;
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto sf = m.add_actor({.id = "sf"});
    auto lpo = m.add_actor({.id = "lpo"});
    auto lb = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"});
    auto plan = m.add_duty({.id = "plan"});
    (void)m.add_duty({.id = "uppfoljning"});
    // Assigned out of RACI order on purpose: the cell still reads "RA".
    m.assign(ks, plan, raci::accountable);
    m.assign(ks, plan, raci::responsible);
    m.assign(sf, lb, raci::responsible);
    m.assign(ks, lb, raci::accountable);
    m.assign(lpo, lb, raci::consulted);
    m.assign(lpo, plan, raci::informed);
    m.assign(lpo, plan, raci::consulted);

    CHECK(csv_of(m) == "duty,ks,sf,lpo\r\n"
                       "lagesbild,A,R,C\r\n"
                       "plan,RA,,CI\r\n"
                       "uppfoljning,,,\r\n");
}

TEST_CASE("write_raci_csv quotes ids that need it (RFC 4180) and nothing else") {
    samverkan::model m;
    auto a = m.add_actor({.id = "Polisen, LPO"});
    auto b = m.add_actor({.id = "say \"hi\""});
    auto c = m.add_actor({.id = ""});
    auto d = m.add_actor({.id = "Åtgärdsgrupp"});
    (void)m.add_actor({.id = " padded"});
    (void)m.add_actor({.id = "semi;colon"});
    auto multi = m.add_duty({.id = "line one\nline two"});
    auto crlf = m.add_duty({.id = "a\r\nb"});
    m.assign(a, multi, raci::responsible);
    m.assign(b, multi, raci::accountable);
    m.assign(c, crlf, raci::informed);
    m.assign(d, crlf, raci::accountable);

    CHECK(csv_of(m) == "duty,\"Polisen, LPO\",\"say \"\"hi\"\"\",\"\",Åtgärdsgrupp,\" padded\",\"semi;colon\"\r\n"
                       "\"line one\nline two\",R,A,,,,\r\n"
                       "\"a\r\nb\",,,I,A,,\r\n");
}

TEST_CASE("write_raci_csv of a model without duties or actors") {
    samverkan::model empty;
    CHECK(csv_of(empty) == "duty\r\n");
    samverkan::model duties_only;
    (void)duties_only.add_duty({.id = "x"});
    CHECK(csv_of(duties_only) == "duty\r\nx\r\n");
}

TEST_CASE("read_raci_csv reads the canonical form") {
    auto m = samverkan::io::read_raci_csv("duty,ks,sf,lpo\r\nlagesbild,A,R,C\r\nplan,RA,,CI\r\n");
    REQUIRE(m.count<samverkan::actor_id>() == 3);
    REQUIRE(m.count<samverkan::duty_id>() == 2);
    CHECK(m[samverkan::actor_id{0}].id == "ks");
    CHECK(m[samverkan::actor_id{2}].id == "lpo");
    CHECK(m[samverkan::actor_id{0}].name.empty());
    CHECK(m[samverkan::duty_id{1}].id == "plan");
    CHECK(raci_entries(m) == std::vector<std::string>{"lagesbild:ks:A", "lagesbild:sf:R", "lagesbild:lpo:C",
                                                      "plan:ks:R", "plan:ks:A", "plan:lpo:C", "plan:lpo:I"});
}

TEST_CASE("read_raci_csv accepts what spreadsheets write") {
    std::vector<std::string> const expected{"lagesbild:ks:A", "lagesbild:sf:R", "plan:ks:R", "plan:ks:A"};

    SECTION("LF line ends and no final line end") {
        CHECK(raci_entries(samverkan::io::read_raci_csv("duty,ks,sf\nlagesbild,A,R\nplan,RA,")) == expected);
    }
    SECTION("CR line ends") {
        CHECK(raci_entries(samverkan::io::read_raci_csv("duty,ks,sf\rlagesbild,A,R\rplan,RA,\r")) == expected);
    }
    SECTION("a UTF-8 byte-order mark") {
        CHECK(raci_entries(samverkan::io::read_raci_csv("\xEF\xBB\xBF"
                                                        "duty,ks,sf\r\nlagesbild,A,R\r\nplan,RA,\r\n")) == expected);
    }
    SECTION("semicolons, detected from the header") {
        auto m = samverkan::io::read_raci_csv("\xEF\xBB\xBF"
                                              "Duty;ks;sf\r\nlagesbild;A;R\r\nplan;\"R,A\";\r\n");
        CHECK(raci_entries(m) == expected);
    }
    SECTION("a quoted first header cell followed by semicolons") {
        CHECK(raci_entries(samverkan::io::read_raci_csv("\"duty\";ks;sf\nlagesbild;A;R\nplan;RA;\n")) == expected);
    }
    SECTION("roles in any order and case, with separators") {
        CHECK(raci_entries(samverkan::io::read_raci_csv("duty,ks,sf\nlagesbild, a ,r\nplan,A/r,\n")) == expected);
        CHECK(raci_entries(samverkan::io::read_raci_csv("duty,ks,sf\nlagesbild,A,R\nplan,a + R,\n")) == expected);
    }
    SECTION("short rows, trailing empty cells and blank rows") {
        CHECK(raci_entries(samverkan::io::read_raci_csv("duty,ks,sf\n\nlagesbild,A,R,,\n,,\nplan,RA\n\n")) == expected);
    }
}

TEST_CASE("read_raci_csv reads quoted ids with separators, quotes and line breaks") {
    auto m = samverkan::io::read_raci_csv("duty,\"Polisen, LPO\",\"say \"\"hi\"\"\",\"\"\r\n"
                                          "\"line one\r\nline two\",R,\"A\",I\r\n"
                                          "\"\",,,\"C\"\r\n");
    REQUIRE(m.count<samverkan::actor_id>() == 3);
    CHECK(m[samverkan::actor_id{0}].id == "Polisen, LPO");
    CHECK(m[samverkan::actor_id{1}].id == "say \"hi\"");
    CHECK(m[samverkan::actor_id{2}].id.empty());
    REQUIRE(m.count<samverkan::duty_id>() == 2);
    CHECK(m[samverkan::duty_id{0}].id == "line one\r\nline two");
    CHECK(m[samverkan::duty_id{1}].id.empty());
    CHECK(raci_entries(m) == std::vector<std::string>{"line one\r\nline two:Polisen, LPO:R",
                                                      "line one\r\nline two:say \"hi\":A", "line one\r\nline two::I",
                                                      "::C"});
}

TEST_CASE("read_raci_csv reports errors with source, row, column and cell") {
    CHECK(read_error("") ==
          "raci.csv:1:1: empty input: expected a header row starting with the cell \"duty\" (cell A1)");
    CHECK(read_error("Ansvar,ks\n") ==
          "raci.csv:1:1: the header row must start with the cell \"duty\" (found \"Ansvar\"); "
          "the other header cells are actor ids (cell A1)");
    CHECK(read_error("duty,ks,sf,ks\n") ==
          "raci.csv:1:4: actor \"ks\" is listed twice in the header (also in column 2) (cell D1)");
    CHECK(read_error("duty,ks,,sf\n").starts_with("raci.csv:1:3: empty header cell"));
    CHECK(read_error("duty,ks\nlagesbild,A\nplan,R\nlagesbild,C\n") ==
          "raci.csv:4:1: duty \"lagesbild\" is listed twice (also in row 2) (cell A4)");
    CHECK(read_error("duty,ks\n,A\n").starts_with("raci.csv:2:1: empty duty id"));
    CHECK(read_error("duty,ks,sf\nlagesbild,A,X\n") ==
          "raci.csv:2:3: unknown role \"X\" for actor \"sf\" on duty \"lagesbild\"; a cell holds the letters R, A, C "
          "and I (cell C2)");
    CHECK(read_error("duty,ks\nlagesbild,Å\n").starts_with("raci.csv:2:2: unknown role \"Å\""));
    CHECK(read_error("duty,ks\nlagesbild,RAr\n") ==
          "raci.csv:2:2: role R given twice for actor \"ks\" on duty \"lagesbild\" (cell B2)");
    CHECK(read_error("duty,ks\nlagesbild,A,R\n") ==
          "raci.csv:2:3: \"R\" is in a column with no actor in the header (cell C2)");
    CHECK(read_error("duty,ks\nlagesbild,\"A\n").starts_with("raci.csv:2:2: this quoted cell is never closed"));
    CHECK(read_error("duty,ks\n\"lagesbild\"x,A\n").starts_with("raci.csv:2:1: text after the closing quote"));
    CHECK(read_error("duty,k\"s\n").starts_with("raci.csv:1:2: a quote inside an unquoted cell"));
    CHECK(read_error("duty,ks\nl\xE4gesbild,A\n").starts_with("raci.csv:2:1: this cell is not UTF-8 text"));
    // Rows count records, not lines: the quoted line break in row 2 does not shift row 3.
    CHECK(read_error("duty,ks\n\"two\nlines\",A\nplan,Q\n").starts_with("raci.csv:3:2: unknown role \"Q\""));
    // Columns past Z are named like a spreadsheet's.
    std::string wide = "duty";
    for (int i = 0; i < 27; ++i) wide += ",a" + std::to_string(i);
    CHECK(read_error(wide + "\nd" + std::string(27, ',') + "Z\n") ==
          "raci.csv:2:28: unknown role \"Z\" for actor \"a26\" on duty \"d\"; "
          "a cell holds the letters R, A, C and I (cell AB2)");
}

TEST_CASE("RACI CSV round trips") {
    SECTION("write(read(x)) == x for canonical x") {
        for (std::string const& x :
             {std::string{"duty\r\n"}, std::string{"duty,ks,sf,lpo\r\nlagesbild,A,R,C\r\nplan,RA,,CI\r\nx,,,\r\n"},
              std::string{"duty,\"\",\"a,b\",\"q\"\"q\",Åtgärd\r\n\"\",RACI,,,\r\n\"multi\r\nline\",,I,C,A\r\n"}}) {
            CHECK(csv_of(samverkan::io::read_raci_csv(x)) == x);
        }
    }
    SECTION("read(write(m)) has the RACI of m") {
        samverkan::model m;
        auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
        auto odd = m.add_actor({.id = "\"quoted\", and\nbroken"});
        auto empty = m.add_actor({.id = ""});
        auto lb = m.add_duty({.id = "lagesbild"});
        auto plan = m.add_duty({.id = " plan; åtgärder "});
        auto none = m.add_duty({.id = ""});
        (void)none;
        m.assign(ks, lb, raci::accountable);
        m.assign(odd, lb, raci::responsible);
        m.assign(odd, lb, raci::informed);
        m.assign(empty, plan, raci::consulted);
        m.assign(ks, plan, raci::informed);
        m.assign(ks, plan, raci::responsible);

        auto const back = samverkan::io::read_raci_csv(csv_of(m));
        CHECK(raci_entries(back) == raci_entries(m));
        CHECK(back.count<samverkan::duty_id>() == 3);
        CHECK(back.count<samverkan::actor_id>() == 3);
    }
}

} // namespace samverkan_tests_export_csv_test
