// A program built against samverkan::compiled (samverkan/config.hpp): it reads a model, audits it and
// writes the report and the model; ctest compares both with what the header-only tool writes.
#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>

#include <iostream>

static_assert(SAMVERKAN_DECLARE_ONLY == 1, "this program must use the compiled part");

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: samverkan_compiled_check report|model MODEL.json\n";
        return 2;
    }
    auto const m = samverkan::io::read_json_file(argv[2]);
    if (std::string_view{argv[1]} == "model") samverkan::io::write_json(std::cout, m);
    else samverkan::io::write_report_json(std::cout, m, samverkan::audit(m));
    return 0;
}
