ssgSearchData("l/tags","232");
