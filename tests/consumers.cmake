# Consumer tests: a separate CMake project uses the library through find_package (after an
# install into the build tree) and through add_subdirectory, exactly as a user would.
if(NOT NARRATIVE_INSTALL)
    return()
endif()
set(consumer_prefix "${CMAKE_CURRENT_BINARY_DIR}/consumer-install")
add_test(NAME "consumer: install into the build tree"
    COMMAND ${CMAKE_COMMAND} --install "${PROJECT_BINARY_DIR}" --prefix "${consumer_prefix}")
set_tests_properties("consumer: install into the build tree" PROPERTIES FIXTURES_SETUP narrative_installed LABELS consumer)

set(consumer_options -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER})
add_test(NAME "consumer: find_package"
    COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test
        "${CMAKE_CURRENT_SOURCE_DIR}/consumer/find_package" "${CMAKE_CURRENT_BINARY_DIR}/consumer-find-package"
        --build-generator "${CMAKE_GENERATOR}"
        --build-options ${consumer_options} "-DCMAKE_PREFIX_PATH=${consumer_prefix}"
        --test-command consumer)
set_tests_properties("consumer: find_package" PROPERTIES FIXTURES_REQUIRED narrative_installed LABELS consumer)

add_test(NAME "consumer: add_subdirectory"
    COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test
        "${CMAKE_CURRENT_SOURCE_DIR}/consumer/add_subdirectory" "${CMAKE_CURRENT_BINARY_DIR}/consumer-add-subdirectory"
        --build-generator "${CMAKE_GENERATOR}"
        --build-options ${consumer_options} "-DNARRATIVE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
        --test-command consumer)
set_tests_properties("consumer: add_subdirectory" PROPERTIES LABELS consumer)
