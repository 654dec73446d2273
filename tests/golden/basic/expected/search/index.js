ssgSearchData("index",{"format":4,"build":"0ea75eab947c","fields":["title","tags","source","body"],"boosts":[10,5,5,1],"languages":["en","ru"],"docs":3,"lengths":[19,7,3,33],"shards":"","chunk":4});
