ssgSearchData("build",{"build":"0ea75eab947c"});
