# claimgraph_embed(OUT FUNCTION FILES...): generates OUT, a C++ file defining
# `std::span<const claimgraph::util::EmbeddedFile> claimgraph::embedded::FUNCTION()`
# holding each file's base name and bytes. Regenerated when a file changes.
set(CLAIMGRAPH_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files_script.cmake)

function(claimgraph_embed out function)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${out})
  string(REPLACE ";" "|" file_list "${ARGN}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${function} "-DFILES=${file_list}"
            -P ${CLAIMGRAPH_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${CLAIMGRAPH_EMBED_SCRIPT}
    COMMENT "Embedding ${function}"
    VERBATIM)
endfunction()
