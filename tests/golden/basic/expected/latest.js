// Written by ssg: the latest articles, for the pages' lists (see site.js).
window.ssgLatest = {
 "en": [
  {
   "date": "2021-12-27T16:00:00+03:00",
   "lang": "ru",
   "path": "2021/12/27/raketa/",
   "shown": "Dec 27, 2021, 4:00 PM",
   "title": "Ракета «Ангара» стартовала с Плесецка",
   "url": "2021/12/27/raketa/"
  },
  {
   "date": "2021-05-24T10:15:00+03:00",
   "lang": "en",
   "path": "2021/05/24/roscosmos-china/",
   "shown": "May 24, 2021, 10:15 AM",
   "title": "Russia and China agree to integrate crewed spacecraft with super-heavy rockets",
   "url": "2021/05/24/roscosmos-china/"
  },
  {
   "date": "2021-03-09T00:00:00+03:00",
   "lang": "en",
   "path": "2021/03/09/lunar-station/",
   "shown": "Mar 9, 2021",
   "title": "Russia and China sign a memorandum on a lunar station",
   "url": "2021/03/09/lunar-station/"
  }
 ],
 "ru": [
  {
   "date": "2021-12-27T16:00:00+03:00",
   "lang": "ru",
   "path": "2021/12/27/raketa/",
   "shown": "27 дек. 2021, 16:00",
   "title": "Ракета «Ангара» стартовала с Плесецка",
   "url": "2021/12/27/raketa/"
  },
  {
   "date": "2021-05-24T10:15:00+03:00",
   "lang": "en",
   "path": "2021/05/24/roscosmos-china/",
   "shown": "24 мая 2021, 10:15",
   "title": "Russia and China agree to integrate crewed spacecraft with super-heavy rockets",
   "url": "2021/05/24/roscosmos-china/"
  },
  {
   "date": "2021-03-09T00:00:00+03:00",
   "lang": "en",
   "path": "2021/03/09/lunar-station/",
   "shown": "9 мар. 2021",
   "title": "Russia and China sign a memorandum on a lunar station",
   "url": "2021/03/09/lunar-station/"
  }
 ]
};
