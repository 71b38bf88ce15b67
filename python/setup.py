"""Builds samverkan._samverkan with the repository's CMake (SAMVERKAN_BUILD_PYTHON=ON) for pip.

Only the extension module is built (no tests, tool or examples); pybind11 comes from its CMake package
config (Debian: pybind11-dev), Python is the interpreter running pip. CMAKE_ARGS adds arguments to the
configure step, as scikit-build-core would read them.
"""

import os
import pathlib
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
            "-DSAMVERKAN_BUILD_PYTHON=ON", "-DSAMVERKAN_BUILD_TESTS=OFF", "-DSAMVERKAN_BUILD_EXAMPLES=OFF",
            "-DSAMVERKAN_BUILD_TOOL=OFF", "-DSAMVERKAN_INSTALL=OFF", "-DSAMVERKAN_WARNINGS_AS_ERRORS=OFF",
            f"-DPython_EXECUTABLE={sys.executable}",
            *shlex.split(os.environ.get("CMAKE_ARGS", "")),
        ]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 2)
        subprocess.run(["cmake", "--build", str(build), "--target", "samverkan_python", "-j", jobs], check=True)
        built = sorted((build / "python" / "samverkan").glob("_samverkan*.so"))
        if not built:
            raise RuntimeError(f"the CMake build did not produce _samverkan in {build / 'python' / 'samverkan'}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)
        # the bundled templates go inside the package (samverkan.templates(), template ids)
        templates = target.parent / "bundled_templates"
        templates.mkdir(exist_ok=True)
        for source in sorted((ROOT / "templates").glob("*.json")):
            shutil.copyfile(source, templates / source.name)


setup(ext_modules=[CMakeExtension("samverkan._samverkan")], cmdclass={"build_ext": CMakeBuild})
