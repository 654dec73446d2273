ssgSearchData("index",{"format":3,"build":"7ab146d83fc7","fields":["title","tags","body"],"boosts":[10,5,1],"languages":["en","ru"],"docs":3,"lengths":[19,7,33],"shards":"","chunk":4});
