ssgSearchData("l/source","111");
