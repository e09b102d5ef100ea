# Applied to every target of ours (not to imported ones).
add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion)
if(LOAPHUONG_WERROR)
  add_compile_options(-Werror)
endif()
if(LOAPHUONG_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  # GCC's manual: the sanitizers cause false -Wmaybe-uninitialized (GCC 12 reports one inside
  # libstdc++'s <regex> at -O1). The release build (-O2) keeps the warning, as an error; the
  # sanitizer build used to be -O0, where GCC does not run that analysis at all.
  add_compile_options(-Wno-maybe-uninitialized)
  add_link_options(-fsanitize=address,undefined)
endif()
