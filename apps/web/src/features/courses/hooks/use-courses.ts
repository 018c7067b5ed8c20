import type { Course } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** The induction courses from today on; cancelled ones too when asked. */
export function useCourses(includeCancelled: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.courses.list.queryOptions({ includeCancelled }, { refetchInterval: refreshIntervalMs, placeholderData: (p) => p }),
  );
}

/**
 * After any write to a course, or a refusal that may mean someone else wrote first: every course list
 * and the courses the booking form offers (reference.all) are fetched again.
 */
function useCoursesRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.courses.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reference.all.queryKey() });
  };
}

export function useCreateCourse(onCreated: (course: Course) => void) {
  const trpc = useTRPC();
  const refresh = useCoursesRefresh();
  return useMutation(
    trpc.courses.create.mutationOptions({
      onSuccess: (course) => {
        refresh();
        onCreated(course);
      },
    }),
  );
}

export function useUpdateCourse(onUpdated: (course: Course) => void) {
  const trpc = useTRPC();
  const refresh = useCoursesRefresh();
  return useMutation(
    trpc.courses.update.mutationOptions({
      onSuccess: (course) => {
        refresh();
        onUpdated(course);
      },
      onError: refresh,
    }),
  );
}

/** Cancelling changes the joiners' cases too (their booking is gone): their pages and the board are fetched again. */
export function useCancelCourse(onCancelled: (course: Course) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useCoursesRefresh();
  return useMutation(
    trpc.courses.cancel.mutationOptions({
      onSuccess: (course) => {
        refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
        onCancelled(course);
      },
      onError: refresh,
    }),
  );
}

/** Courses that started in the last 4 weeks, for their attendance (the list from that date, cut to those started). */
export function useStartedCourses(today: string) {
  const trpc = useTRPC();
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 28);
  return useQuery(
    trpc.courses.list.queryOptions(
      { from: from.toISOString().slice(0, 10) },
      { select: (courses) => courses.filter((c) => c.startsOn <= today), refetchInterval: refreshIntervalMs },
    ),
  );
}

/** Attendance changes the joiner's case (a did-not-attend removes the booking): the courses and cases are fetched again. */
export function useRecordAttendance(onRecorded: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useCoursesRefresh();
  return useMutation(
    trpc.courses.recordAttendance.mutationOptions({
      onSuccess: () => {
        refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
        onRecorded();
      },
      onError: refresh,
    }),
  );
}
