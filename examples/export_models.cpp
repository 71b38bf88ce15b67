// Writes the three bundled example models as samverkan/1 files: DIR/kommun_lag_2023_196.json,
// DIR/detaljplan_blandstad.json and DIR/centrum_bid.json (DIR defaults to the current directory).
// The files in examples/models are this program's output; tests/unit/examples_test.cpp checks that they
// still equal the models built in code. After changing a model, regenerate them with
//
//     cmake --build build --target example_models_json
#include "models/centrum_bid.hpp"
#include "models/detaljplan_blandstad.hpp"
#include "models/kommun_lag_2023_196.hpp"

#include <samverkan/error.hpp>
#include <samverkan/io/json.hpp>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc > 2) {
        std::cerr << "usage: " << argv[0] << " [DIR]\n";
        return 2;
    }
    std::filesystem::path const dir = argc == 2 ? argv[1] : ".";
    struct entry {
        char const* file;
        samverkan::model (*build)();
    };
    entry const models[] = {{"kommun_lag_2023_196.json", samverkan::examples::kommun_lag_2023_196},
                            {"detaljplan_blandstad.json", samverkan::examples::detaljplan_blandstad},
                            {"centrum_bid.json", samverkan::examples::centrum_bid}};
    try {
        for (auto const& [file, build] : models) {
            auto const path = dir / file;
            std::ofstream out{path, std::ios::binary};
            if (!out) throw samverkan::error{"cannot open " + path.string() + " for writing"};
            samverkan::io::write_json(out, build());
            std::cout << "wrote " << path.string() << '\n';
        }
    } catch (std::exception const& e) {
        std::cerr << "export_models: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
